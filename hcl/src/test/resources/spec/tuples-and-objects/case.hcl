locals {
  key = "computed"
}
list  = [1, "two", true, null, [3], {}]
multi = [
  "a",
  "b",
]
object = {
  name    = "x"
  "quoted" = 1
  colon : 2
  (local.key) = 3
  nested = { deeper = [] }
}
one_line = { a = 1, b = 2 }

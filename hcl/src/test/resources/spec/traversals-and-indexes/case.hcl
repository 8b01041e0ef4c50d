locals {
  list   = ["a", "b", "c"]
  map    = { k = "v", "with-dash" = "d" }
  object = { a = { b = ["deep"] } }
  index  = 2
}
second     = local.list[1]
legacy     = local.list.0
computed   = local.list[local.index]
by_key     = local.map["k"]
dashed     = local.map["with-dash"]
deep       = local.object.a.b[0]
missing    = local.object.x
out        = local.list[3]
not_number = local.list["x"]
undefined  = local.nothing

resource "a" "b" {
  name = "x"

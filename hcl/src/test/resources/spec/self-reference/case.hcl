locals {
  a = local.b
  b = local.a
  self = "${local.self}x"
}
variable "loop" {
  default = var.loop
}
cycle = local.a
self  = local.self
loop  = var.loop

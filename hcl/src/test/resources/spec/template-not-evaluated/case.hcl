locals {
  list = ["a"]
}
directive = "%{ if true }yes%{ endif }"
of_null   = "x${null}"
of_list   = "x${local.list}"
of_unset  = "x${var.unset}"

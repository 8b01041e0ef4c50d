variable "env" {
  default = "prod"
}
locals {
  app  = "shop"
  port = 8080
}
name    = "${local.app}-${var.env}"
url     = "http://${local.app}:${local.port}/"
nested  = "${"in${"ner"}"}"
trimmed = "${~ local.app ~}"

variable "region" {
  default = "eu-west-1"
}
variable "size" {
  default = 1
}
variable "required" {
  type = string
}
region   = var.region
size     = var.size
required = var.required
bare     = var

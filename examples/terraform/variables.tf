variable "environment" {
  type    = string
  default = "production"
}

variable "image" {
  type        = string
  description = "Given at deploy time; no control reads it, so it may stay unknown."
}

variable "debug" {
  type    = bool
  default = false
}

variable "services" {
  type = map(object({
    network_mode = optional(string, "awsvpc")
    cpu          = optional(number)
    memory       = number
    volume       = optional(map(object({ name = string, efs = optional(bool, false) })), {})
    runtime      = optional(object({ family = optional(string, "LINUX") }), {})
    ports        = optional(list(object({ port = number, protocol = optional(string, "tcp") })), [])
    tags         = optional(map(string), {})
  }))
  default = {}
}

variable "pair" {
  type    = tuple([string, bool])
  default = [1, "true"]
}

variable "zones" {
  type    = set(string)
  default = ["b", "a", "b"]
}

variable "nothing" {
  type    = object({ a = optional(string, "x") })
  default = null
}

variable "wrong" {
  type    = list(string)
  default = { a = 1 }
}

variable "untyped" {
  default = { a = 1 }
}

api           = var.services.api
web_mode      = var.services.web.network_mode
web_is_set    = var.services.web.runtime != null
missing       = var.services.web.memory
extra_dropped = try(var.services.api.extra, "dropped")
pair          = var.pair
zones         = var.zones
nothing       = var.nothing
wrong         = var.wrong
untyped       = var.untyped

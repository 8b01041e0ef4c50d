variable "settings" {
  default = {
    name = "app"
    nothing = null
  }
}
locals {
  list = ["a"]
}
present        = try(var.settings.name, "default")
missing_attr   = try(var.settings.port, 8080)
of_null        = try(var.settings.nothing.deep, "fallback")
out_of_range   = try(local.list[5], "z")
bad_number     = try(tonumber("x"), 0)
bad_json       = try(jsondecode("{"), {})
second_fails   = try(local.list[9], var.settings.port, "third")
after_apply    = try(aws_iam_role.task.arn, "fallback")
no_default     = try(var.unset, "fallback")
unevaluated    = try(cidrsubnet("10.0.0.0/16", 8, 1), "fallback")
error_in_list  = try([var.settings.port], [])
partly_known   = try([aws_iam_role.task.arn, "x"], [])
all_fail       = try(local.list[1], var.settings.port)
no_arguments   = try()
can_present    = can(var.settings.name)
can_missing    = can(var.settings.port)
can_regex      = can(regex("^[a-z]+$", "abc"))
can_no_match   = can(regex("^[0-9]+$", "abc"))
can_unknown    = can(aws_iam_role.task.arn)
count_like     = try(var.settings.create, true) && var.settings.name == "app" ? 1 : 0

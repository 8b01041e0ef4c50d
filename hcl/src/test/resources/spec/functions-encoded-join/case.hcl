locals {
  app     = jsonencode({ name = "app", image = "app:1.0" })
  sidecar = jsonencode({ name = "log", image = "fluent:2" })
  none    = ""
}
kept        = compact([local.app, local.none, local.sidecar])
joined      = join(",", compact([local.app, local.none, local.sidecar]))
definitions = "[${join(",", compact([local.app, local.none]))}]"
unknown     = join(",", [jsonencode({ name = aws_ssm_parameter.name.value })])

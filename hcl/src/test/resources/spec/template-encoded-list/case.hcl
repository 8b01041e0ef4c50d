# Container definitions as cloudposse's container-definition module hands them out:
# "[${local.json_map}]" over jsonencode()'s string, read as the list it encodes.
locals {
  first    = { name = "app", privileged = true }
  json_map = jsonencode(local.first)
  sidecar  = jsonencode({ name = "log", image = "fluent" })
  list     = ["a"]
}
one      = "[${local.json_map}]"
two      = <<-EOT
  [
    ${local.json_map},
    ${local.sidecar}
  ]
EOT
nested   = "[${jsonencode(local.list)}]"
other    = "x${local.json_map}"
beside   = "[${local.json_map}, \"b\"]"
mixed    = "[${local.json_map},${"plain"}]"

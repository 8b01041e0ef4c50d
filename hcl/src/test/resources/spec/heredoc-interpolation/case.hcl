locals {
  name = "web"
}
policy = <<-JSON
  {"name": "${local.name}", "literal": "$${not.interpolated}"}
  JSON

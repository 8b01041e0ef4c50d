variable "image" {
}
variable "region" {
  default = "eu-west-1"
}
locals {
  defs = <<DEFS
[{"name": "local", "image": "${var.image}", "privileged": false}]
DEFS
  via  = local.defs
  self = local.self
}
json_heredoc = <<DEFS
[
  {
    "name": "app-${var.region}",
    "image": "${var.image}:latest",
    "privileged": true,
    "cpu": ${aws_ssm_parameter.cpu.value},
    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "${aws_cloudwatch_log_group.app.name}"}}
  }
]
DEFS
json_whole_element = "[${var.image}, {\"name\": \"b\"}]"
json_members_injected = <<DEFS
[{"name": "a", ${var.image}}]
DEFS
json_key_unknown = "[{\"${var.image}\": true}]"
json_not_json = "name-${var.image}"
json_file = templatefile("containers.tpl", { image = var.image, user = "1000" })
json_known = "[{\"name\": \"${var.region}\"}]"
plain_heredoc = <<DEFS
[{"name": "${var.image}"}]
DEFS
json_local = local.via
json_self  = local.self

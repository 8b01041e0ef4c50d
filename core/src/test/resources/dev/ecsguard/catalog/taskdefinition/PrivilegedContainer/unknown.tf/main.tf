provider "aws" {
  region = "eu-west-1"
}

variable "privileged" {
  type = bool
}

resource "aws_ecs_task_definition" "privileged_from_variable" {
  family = "privileged-from-variable"
  container_definitions = jsonencode([
    { name = "agent", image = "falcosecurity/falco:0.39.2", memory = 512, privileged = var.privileged }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "extra_capabilities" {
  type = list(string)
}

resource "aws_ecs_task_definition" "capability_from_variable" {
  family = "capability-from-variable"
  container_definitions = jsonencode([
    {
      name            = "agent"
      image           = "public.ecr.aws/docker/library/alpine:3.21"
      memory          = 64
      linuxParameters = { capabilities = { add = concat(["NET_BIND_SERVICE"], var.extra_capabilities) } }
    }
  ])
}

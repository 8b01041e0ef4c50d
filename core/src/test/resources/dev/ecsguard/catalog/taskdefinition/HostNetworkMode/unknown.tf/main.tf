provider "aws" {
  region = "eu-west-1"
}

variable "network_mode" {
  type = string
}

resource "aws_ecs_task_definition" "mode_from_variable" {
  family       = "mode-from-variable"
  network_mode = var.network_mode

  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "log_driver" {
  type = string
}

resource "aws_ecs_task_definition" "driver_from_variable" {
  family = "driver-from-variable"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, logConfiguration = { logDriver = var.log_driver } }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "run_as" {
  type = string
}

resource "aws_ecs_task_definition" "user_from_variable" {
  family = "user-from-variable"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, user = "${var.run_as}:1000" }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "container_user" {
  type = string
}

resource "aws_ecs_task_definition" "user_from_variable" {
  family                   = "user-from-variable"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512

  runtime_platform {
    operating_system_family = "LINUX"
  }

  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", user = var.container_user }
  ])
}

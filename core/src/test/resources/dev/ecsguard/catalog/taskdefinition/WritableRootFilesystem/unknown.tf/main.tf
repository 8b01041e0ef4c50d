provider "aws" {
  region = "eu-west-1"
}

variable "read_only_root" {
  type = bool
}

variable "operating_system_family" {
  type = string
}

resource "aws_ecs_task_definition" "read_only_from_variable" {
  family = "read-only-from-variable"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, readonlyRootFilesystem = var.read_only_root }
  ])
}

resource "aws_ecs_task_definition" "platform_from_variable" {
  family                   = "platform-from-variable"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048

  runtime_platform {
    operating_system_family = var.operating_system_family
  }

  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", essential = true }
  ])
}

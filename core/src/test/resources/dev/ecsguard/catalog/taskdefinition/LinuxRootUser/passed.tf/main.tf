provider "aws" {
  region = "eu-west-1"
}

variable "app_uid" {
  type    = number
  default = 10001
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512

  runtime_platform {
    operating_system_family = "LINUX"
  }

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.9.0"
      essential = true
      user      = "${var.app_uid}:${var.app_uid}"
    },
    {
      name      = "nginx"
      image     = "public.ecr.aws/nginx/nginx-unprivileged:1.27"
      essential = true
      user      = "nginx"
    }
  ])
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([
    { name = "worker", image = "public.ecr.aws/docker/library/python:3.13-slim", memory = 256, user = "1000" }
  ])
}

provider "aws" {
  region = "eu-west-1"
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
      user      = "1000:1000"
    },
    {
      name      = "migrations"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api-migrations:1.9.0"
      essential = false
    }
  ])
}

resource "aws_ecs_task_definition" "cron" {
  family = "cron"
  container_definitions = jsonencode([
    { name = "cron", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, user = "root" },
    { name = "uid-zero", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, user = "0" }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "orders_api" {
  family                   = "orders-api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"

  container_definitions = jsonencode([
    {
      name         = "api"
      image        = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders-api:2.8.0"
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
    }
  ])
}

resource "aws_ecs_task_definition" "cron" {
  family = "cron"
  container_definitions = jsonencode([
    { name = "cron", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])
}

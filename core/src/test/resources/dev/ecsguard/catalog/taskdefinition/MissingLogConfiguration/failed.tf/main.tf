provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name      = "checkout"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/checkout:7.1.0"
      essential = true
      logConfiguration = {
        logDriver = "awsfirelens"
        options   = { Name = "cloudwatch_logs", region = "eu-west-1", log_group_name = "/ecs/checkout" }
      }
    },
    {
      name                  = "log-router"
      image                 = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"
      essential             = true
      firelensConfiguration = { type = "fluentbit" }
    }
  ])
}

resource "aws_ecs_task_definition" "nightly_batch" {
  family = "nightly-batch"
  container_definitions = jsonencode([
    { name = "batch", image = "public.ecr.aws/docker/library/python:3.13-slim", memory = 512, logConfiguration = { options = { max-size = "10m" } } }
  ])
}

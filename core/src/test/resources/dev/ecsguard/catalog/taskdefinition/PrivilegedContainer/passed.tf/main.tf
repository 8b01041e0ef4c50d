provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name       = "web"
      image      = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:5.2.0"
      essential  = true
      privileged = false
    },
    {
      name                  = "log-router"
      image                 = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"
      essential             = true
      firelensConfiguration = { type = "fluentbit" }
    },
    {
      name      = "xray"
      image     = "public.ecr.aws/xray/aws-xray-daemon:3.3.14"
      essential = false
    }
  ])
}

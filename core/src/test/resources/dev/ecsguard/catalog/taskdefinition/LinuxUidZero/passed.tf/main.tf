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
    { name = "api", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.9.0", essential = true, user = "1000:0" },
    { name = "envoy", image = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.9.0-prod", essential = true, user = "1337" },
    { name = "xray", image = "public.ecr.aws/xray/aws-xray-daemon:3.3.14", essential = false }
  ])
}

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
    cpu_architecture        = "ARM64"
  }

  volume {
    name = "tmp"
  }

  # inside the JSON string the API's own spelling: readonlyRootFilesystem
  container_definitions = jsonencode([
    {
      name                   = "api"
      image                  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.9.0"
      essential              = true
      readonlyRootFilesystem = true
      mountPoints            = [{ sourceVolume = "tmp", containerPath = "/tmp" }]
    },
    {
      name                   = "envoy"
      image                  = "public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29.9.0-prod"
      essential              = true
      readonlyRootFilesystem = true
    }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name                   = "worker"
      image                  = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/worker:4.0.2"
      essential              = true
      readonlyRootFilesystem = false
    }
  ])
}

resource "aws_ecs_task_definition" "legacy_app" {
  family = "legacy-app"

  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/tomcat:10.1", memory = 1024, readonlyRootFilesystem = true },
    { name = "log-shipper", image = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4", memory = 128 }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = jsonencode([
    {
      name   = "app"
      image  = "public.ecr.aws/docker/library/python:3.13-slim"
      memory = 512
      linuxParameters = {
        initProcessEnabled = true
        sharedMemorySize   = 256
        tmpfs              = [{ containerPath = "/tmp", size = 64 }]
      }
    }
  ])
}

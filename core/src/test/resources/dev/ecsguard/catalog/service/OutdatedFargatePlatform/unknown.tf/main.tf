provider "aws" {
  region = "eu-west-1"
}

variable "platform_version" {
  type = string
}

resource "aws_ecs_service" "api" {
  name             = "api"
  cluster          = "prod"
  task_definition  = "api:12"
  launch_type      = "FARGATE"
  platform_version = var.platform_version

  network_configuration {
    subnets = ["subnet-0a1b2c3d4e5f60718"]
  }
}

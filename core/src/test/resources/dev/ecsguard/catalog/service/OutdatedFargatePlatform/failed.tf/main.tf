provider "aws" {
  region = "eu-west-1"
}

variable "platform_version" {
  type    = string
  default = "1.3.0"
}

resource "aws_ecs_service" "legacy_api" {
  name             = "legacy-api"
  cluster          = "prod"
  task_definition  = "legacy-api:31"
  launch_type      = "FARGATE"
  platform_version = var.platform_version

  network_configuration {
    subnets = ["subnet-0a1b2c3d4e5f60718"]
  }
}

resource "aws_ecs_service" "spot_batch" {
  name             = "spot-batch"
  cluster          = "prod"
  task_definition  = "batch:8"
  platform_version = "1.0.0"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }

  network_configuration {
    subnets = ["subnet-0a1b2c3d4e5f60718"]
  }
}

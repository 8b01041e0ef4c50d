provider "aws" {
  region = "eu-west-1"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
}

resource "aws_ecs_service" "api" {
  name             = "api"
  cluster          = "prod"
  task_definition  = "api:12"
  launch_type      = "FARGATE"
  platform_version = "LATEST"
  desired_count    = 2

  network_configuration {
    subnets = var.subnet_ids
  }
}

# platform_version left out: LATEST (a plan shows it as known only after apply)
resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = "prod"
  task_definition = "worker:3"
  launch_type     = "FARGATE"

  network_configuration {
    subnets = var.subnet_ids
  }
}

resource "aws_ecs_service" "batch" {
  name             = "batch"
  cluster          = "prod"
  task_definition  = "batch:8"
  platform_version = "1.4.0"

  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 3
  }

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    base              = 1
    weight            = 1
  }

  network_configuration {
    subnets = var.subnet_ids
  }
}

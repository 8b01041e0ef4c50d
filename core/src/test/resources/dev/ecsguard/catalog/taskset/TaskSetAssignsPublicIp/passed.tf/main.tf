provider "aws" {
  region = "eu-west-1"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
}

resource "aws_ecs_service" "storefront" {
  name    = "storefront"
  cluster = "prod"

  deployment_controller {
    type = "EXTERNAL"
  }
}

resource "aws_ecs_task_set" "blue" {
  service         = aws_ecs_service.storefront.id
  cluster         = "prod"
  task_definition = "storefront:41"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.private_subnet_ids
    assign_public_ip = false
  }
}

resource "aws_ecs_task_set" "green" {
  service         = aws_ecs_service.storefront.id
  cluster         = "prod"
  task_definition = "storefront:42"
  launch_type     = "FARGATE"

  network_configuration {
    subnets = var.private_subnet_ids
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "public_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
}

variable "environment" {
  type    = string
  default = "dev"
}

resource "aws_ecs_service" "public_demo" {
  name            = "public-demo"
  cluster         = "public-demo"
  task_definition = "public-demo:1"
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets          = var.public_subnet_ids
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "chosen_by_environment" {
  name            = "chosen-by-environment"
  cluster         = "public-demo"
  task_definition = "public-demo:1"
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets          = var.public_subnet_ids
    assign_public_ip = var.environment == "dev"
  }
}

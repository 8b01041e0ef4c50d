provider "aws" {
  region = "eu-west-1"
}

variable "assign_public_ip" {
  type        = bool
  description = "true only for the demo account"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60718"]
}

resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "default"
  task_definition = "app:7"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = var.assign_public_ip
  }
}

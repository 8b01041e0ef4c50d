provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = {
      team       = "payments"
      managed-by = "terraform"
    }
  }
}

# no tags of its own: the provider's default_tags tag it
resource "aws_ecs_service" "checkout" {
  name            = "checkout"
  cluster         = "prod"
  task_definition = "checkout:4"
  launch_type     = "EC2"
  desired_count   = 1
}

resource "aws_ecs_service" "search" {
  name            = "search"
  cluster         = "prod"
  task_definition = "search:4"
  launch_type     = "EC2"
  desired_count   = 1

  tags = { service = "search" }
}

variable "team" {
  type    = string
  default = "payments"
}

resource "aws_ecs_service" "payments" {
  name            = "payments"
  cluster         = "prod"
  task_definition = "payments:4"
  launch_type     = "EC2"
  desired_count   = 1

  tags = {
    team        = var.team
    cost-center = "cc-${var.team}"
  }
}

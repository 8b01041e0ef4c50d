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
resource "aws_ecs_task_definition" "checkout" {
  family = "checkout"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])
}

resource "aws_ecs_task_definition" "search" {
  family = "search"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])

  tags = { service = "search" }
}

variable "team" {
  type    = string
  default = "payments"
}

resource "aws_ecs_task_definition" "payments" {
  family = "payments"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])

  tags = {
    team        = var.team
    cost-center = "cc-${var.team}"
  }
}

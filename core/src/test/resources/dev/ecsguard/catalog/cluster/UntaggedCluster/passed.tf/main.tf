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
resource "aws_ecs_cluster" "checkout" {
  name = "checkout"
}

resource "aws_ecs_cluster" "search" {
  name = "search"

  tags = { service = "search" }
}

variable "team" {
  type    = string
  default = "payments"
}

resource "aws_ecs_cluster" "payments" {
  name = "payments"

  tags = {
    team        = var.team
    cost-center = "cc-${var.team}"
  }
}

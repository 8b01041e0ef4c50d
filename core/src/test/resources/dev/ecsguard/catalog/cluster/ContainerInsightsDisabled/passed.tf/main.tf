provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_cluster" "prod" {
  name = "prod"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster" "observability" {
  name = "observability"

  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}

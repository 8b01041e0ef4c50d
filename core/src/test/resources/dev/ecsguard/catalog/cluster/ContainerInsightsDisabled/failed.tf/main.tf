provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_cluster" "dev" {
  name = "dev"
}

resource "aws_ecs_cluster" "batch" {
  name = "batch"

  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

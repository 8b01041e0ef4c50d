provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_cluster" "scratch" {
  name = "scratch"
}

resource "aws_ecs_cluster" "scratch_empty" {
  name = "scratch-empty"

  tags = {}
}

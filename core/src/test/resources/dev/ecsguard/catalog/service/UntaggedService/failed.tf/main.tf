provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_service" "scratch" {
  name            = "scratch"
  cluster         = "prod"
  task_definition = "scratch:4"
  launch_type     = "EC2"
  desired_count   = 1
}

resource "aws_ecs_service" "scratch_empty" {
  name            = "scratch-empty"
  cluster         = "prod"
  task_definition = "scratch-empty:4"
  launch_type     = "EC2"
  desired_count   = 1

  tags = {}
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "scratch" {
  family = "scratch"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])
}

resource "aws_ecs_task_definition" "scratch_empty" {
  family = "scratch-empty"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])

  tags = {}
}

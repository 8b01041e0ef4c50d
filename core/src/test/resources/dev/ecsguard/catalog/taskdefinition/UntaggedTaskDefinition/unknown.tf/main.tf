provider "aws" {
  region = "eu-west-1"
}

variable "tags" {
  type        = map(string)
  description = "tags every resource of the stack carries"
}

resource "aws_ecs_task_definition" "shared" {
  family = "shared"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])

  tags = var.tags
}

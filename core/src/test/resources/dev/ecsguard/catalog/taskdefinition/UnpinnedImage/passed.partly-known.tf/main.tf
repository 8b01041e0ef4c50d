provider "aws" {
  region = "eu-west-1"
}

variable "repo" {
  type = string
}

resource "aws_ecs_task_definition" "variable_tag" {
  family = "variable-tag"
  container_definitions = jsonencode([
    { name = "app", image = "${var.repo}:v1.2", memory = 128 }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

locals {
  root_group_user = "0:1000"
}

resource "aws_ecs_task_definition" "backup" {
  family = "backup"
  container_definitions = jsonencode([
    { name = "restic", image = "restic/restic:0.17.3", memory = 256, user = local.root_group_user },
    { name = "pg-dump", image = "public.ecr.aws/docker/library/postgres:17.2", memory = 256, user = "postgres" }
  ])
}

resource "aws_ecs_task_definition" "maintenance" {
  family = "maintenance"
  container_definitions = jsonencode([
    { name = "shell", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, user = "root:wheel" },
    { name = "padded", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64, user = "000" }
  ])
}

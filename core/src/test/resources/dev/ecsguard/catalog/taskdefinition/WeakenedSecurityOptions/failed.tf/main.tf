provider "aws" {
  region = "eu-west-1"
}

locals {
  unconfined = ["apparmor:unconfined", "seccomp:unconfined"]
}

resource "aws_ecs_task_definition" "profiler" {
  family                   = "profiler"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/python:3.13-slim", memory = 256 },
    { name = "perf", image = "example/perf-tools:6.12", memory = 128, dockerSecurityOptions = local.unconfined }
  ])
}

resource "aws_ecs_task_definition" "legacy_selinux" {
  family = "legacy-selinux"
  container_definitions = jsonencode([
    { name = "app", image = "example/legacy:3.2", memory = 512, dockerSecurityOptions = ["label=disable", "no-new-privileges:false"] }
  ])
}

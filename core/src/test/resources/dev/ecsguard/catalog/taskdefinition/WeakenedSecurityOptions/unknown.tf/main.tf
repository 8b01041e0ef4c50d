provider "aws" {
  region = "eu-west-1"
}

variable "seccomp_profile" {
  type = string
}

resource "aws_ecs_task_definition" "option_from_variable" {
  family = "option-from-variable"
  container_definitions = jsonencode([
    {
      name                  = "app"
      image                 = "public.ecr.aws/docker/library/alpine:3.21"
      memory                = 64
      dockerSecurityOptions = ["no-new-privileges", "seccomp:${var.seccomp_profile}"]
    }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "extra_environment" {
  type        = map(string)
  description = "more variables for the sync container"
}

resource "aws_ecs_task_definition" "s3_sync" {
  family = "s3-sync"

  container_definitions = jsonencode([
    {
      name        = "sync"
      image       = "public.ecr.aws/aws-cli/aws-cli:2.22.10"
      memory      = 256
      environment = [for name, value in var.extra_environment : { name = name, value = value }]
    }
  ])
}

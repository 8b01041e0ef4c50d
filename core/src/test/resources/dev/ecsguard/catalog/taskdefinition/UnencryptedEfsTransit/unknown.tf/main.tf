provider "aws" {
  region = "eu-west-1"
}

variable "transit_encryption" {
  type = string
}

resource "aws_ecs_task_definition" "encryption_from_variable" {
  family = "encryption-from-variable"

  volume {
    name = "data"

    efs_volume_configuration {
      file_system_id     = "fs-0123456789abcdef0"
      transit_encryption = var.transit_encryption
    }
  }

  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])
}

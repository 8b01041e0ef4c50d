provider "aws" {
  region = "eu-west-1"
}

variable "file_system_id" {
  type    = string
  default = "fs-0123456789abcdef0"
}

locals {
  efs_volumes = {
    exports = "/exports"
    archive = "/archive"
  }
}

resource "aws_ecs_task_definition" "reports" {
  family = "reports"

  dynamic "volume" {
    for_each = local.efs_volumes
    content {
      name = volume.key

      efs_volume_configuration {
        file_system_id = var.file_system_id
        root_directory = volume.value
      }
    }
  }

  container_definitions = jsonencode([
    {
      name        = "reports"
      image       = "public.ecr.aws/docker/library/python:3.13-slim"
      memory      = 512
      mountPoints = [for name, path in local.efs_volumes : { sourceVolume = name, containerPath = path }]
    }
  ])
}

resource "aws_ecs_task_definition" "archive" {
  family = "archive"

  volume {
    name = "archive"

    efs_volume_configuration {
      file_system_id     = var.file_system_id
      transit_encryption = "DISABLED"
    }
  }

  container_definitions = jsonencode([
    { name = "archiver", image = "public.ecr.aws/docker/library/alpine:3.21", memory = 64 }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "legacy_access_key_id" {
  type      = string
  sensitive = true
  default   = "fixture-not-a-key"
}

variable "legacy_secret_access_key" {
  type      = string
  sensitive = true
  default   = "fixture-not-a-secret"
}

locals {
  aws_environment = {
    AWS_REGION            = "eu-west-1"
    AWS_ACCESS_KEY_ID     = var.legacy_access_key_id
    AWS_SECRET_ACCESS_KEY = var.legacy_secret_access_key
  }
}

resource "aws_ecs_task_definition" "s3_sync_legacy" {
  family = "s3-sync-legacy"

  container_definitions = jsonencode([
    {
      name        = "sync"
      image       = "public.ecr.aws/aws-cli/aws-cli:2.22.10"
      memory      = 256
      environment = [for name, value in local.aws_environment : { name = name, value = value }]
    }
  ])
}

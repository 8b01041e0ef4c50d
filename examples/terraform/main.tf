# An API service as a Terraform module: ecsguard evaluates variables, locals, conditionals and
# jsonencode() the way Terraform would, without credentials or a plan.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      team = "orders"
    }
  }
}

locals {
  name = "orders-${var.environment}"
  containers = [
    {
      name                   = "api"
      image                  = var.image
      user                   = "1000:1000"
      readonlyRootFilesystem = true
      privileged             = var.debug
      environment = [
        { name = "DB_HOST", value = "orders.db.internal" },
        { name = "AWS_ACCESS_KEY_ID", value = "AKIAIOSFODNN7EXAMPLE" },
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options   = { "awslogs-group" = "/ecs/${local.name}", "awslogs-region" = "eu-west-1" }
      }
    },
  ]
}

resource "aws_ecs_cluster" "orders" {
  name = local.name
  setting {
    name  = "containerInsights"
    value = var.environment == "production" ? "enabled" : "disabled"
  }
}

resource "aws_ecs_task_definition" "api" {
  family                   = local.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions    = jsonencode(local.containers)

  runtime_platform {
    operating_system_family = "LINUX"
  }

  volume {
    name = "uploads"
    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.uploads.id
      transit_encryption = "ENABLED"
    }
  }
}

resource "aws_ecs_service" "api" {
  name            = local.name
  cluster         = aws_ecs_cluster.orders.id
  task_definition = aws_ecs_task_definition.api.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets          = var.environment == "production" ? ["subnet-0a1b2c3d"] : ["subnet-4e5f6a7b"]
    assign_public_ip = var.environment != "production"
  }
}

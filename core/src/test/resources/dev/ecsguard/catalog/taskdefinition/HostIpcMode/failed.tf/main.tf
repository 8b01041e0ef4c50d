provider "aws" {
  region = "eu-west-1"
}

variable "ipc_mode" {
  type    = string
  default = "host"
}

resource "aws_ecs_task_definition" "ipc_host" {
  family   = "ipc-host"
  ipc_mode = "host"
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128 }
  ])
}

resource "aws_ecs_task_definition" "postgres_shm" {
  family                   = "postgres-shm"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  ipc_mode                 = var.ipc_mode

  container_definitions = jsonencode([
    {
      name      = "postgres"
      image     = "public.ecr.aws/docker/library/postgres:17.2"
      essential = true
      memory    = 1024
      logConfiguration = {
        logDriver = "awslogs"
        options   = { awslogs-group = "/ecs/postgres", awslogs-region = "eu-west-1", awslogs-stream-prefix = "ecs" }
      }
    }
  ])
}

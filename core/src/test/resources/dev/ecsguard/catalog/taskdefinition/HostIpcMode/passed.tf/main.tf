provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "shm_pair" {
  family       = "shm-pair"
  network_mode = "bridge"
  ipc_mode     = "task"
  container_definitions = jsonencode([
    { name = "app", image = "example/web:4.1", memory = 256 },
    { name = "exporter", image = "example/shm-exporter:1.2", memory = 128 }
  ])
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    { name = "api", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2025.11.1", essential = true }
  ])
}

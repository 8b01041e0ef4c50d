provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_cluster" "prod" {
  name = "prod"
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.20.1.0/24"
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = aws_ecs_cluster.prod.id
  task_definition = "api:12"
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    # the subnet's id is known only after apply; assign_public_ip decides alone
    subnets          = [aws_subnet.private.id]
    assign_public_ip = false
  }
}

resource "aws_ecs_service" "worker" {
  name            = "worker"
  cluster         = aws_ecs_cluster.prod.id
  task_definition = "worker:3"
  launch_type     = "FARGATE"
  desired_count   = 1

  network_configuration {
    subnets = [aws_subnet.private.id]
  }
}

resource "aws_ecs_service" "legacy" {
  name            = "legacy"
  cluster         = aws_ecs_cluster.prod.id
  task_definition = "legacy:40"
  launch_type     = "EC2"
  desired_count   = 1
}

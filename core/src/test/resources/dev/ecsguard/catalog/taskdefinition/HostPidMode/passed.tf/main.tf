provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "app_with_debugger" {
  family                   = "app-with-debugger"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  pid_mode                 = "task"

  container_definitions = jsonencode([
    { name = "app", image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:3.4.1", essential = true },
    { name = "debugger", image = "public.ecr.aws/docker/library/busybox:1.37", essential = false }
  ])
}

resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "public.ecr.aws/nginx/nginx:1.27", memory = 256 }
  ])
}

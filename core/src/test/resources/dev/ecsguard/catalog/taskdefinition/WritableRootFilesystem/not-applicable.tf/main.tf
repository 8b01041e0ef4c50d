provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "iis" {
  family                   = "iis"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 1024
  memory                   = 2048

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    { name = "iis", image = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", essential = true }
  ])
}

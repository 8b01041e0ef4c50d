provider "aws" {
  region = "eu-west-1"
}

variable "container_user" {
  type = string
}

resource "aws_ecs_task_definition" "user_from_variable" {
  family                   = "user-from-variable"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 1024
  memory                   = 2048

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2022_CORE"
  }

  container_definitions = jsonencode([
    { name = "iis", image = "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022", user = var.container_user }
  ])
}

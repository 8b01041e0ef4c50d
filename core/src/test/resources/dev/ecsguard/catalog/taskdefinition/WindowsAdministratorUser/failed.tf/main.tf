provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "dotnet_api" {
  family                   = "dotnet-api"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 1024
  memory                   = 2048

  runtime_platform {
    operating_system_family = "WINDOWS_SERVER_2019_FULL"
  }

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2019"
      essential = true
      user      = "containeradministrator"
    },
    {
      name      = "log-agent"
      image     = "mcr.microsoft.com/windows/servercore:ltsc2019"
      essential = false
    }
  ])
}

resource "aws_ecs_task_definition" "unset_platform" {
  family = "unset-platform"
  container_definitions = jsonencode([
    { name = "app", image = "mcr.microsoft.com/windows/servercore:ltsc2022", memory = 1024, user = "ContainerAdministrator" }
  ])
}

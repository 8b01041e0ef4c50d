provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "hardened_api" {
  family                   = "hardened-api"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name                  = "api"
      image                 = "public.ecr.aws/docker/library/python:3.13-slim"
      memory                = 256
      dockerSecurityOptions = ["no-new-privileges", "label:type:svirt_apache_t"]
    },
    {
      name                  = "sidecar"
      image                 = "public.ecr.aws/docker/library/alpine:3.21"
      memory                = 64
      dockerSecurityOptions = ["no-new-privileges:true", "apparmor:docker-default"]
    }
  ])
}

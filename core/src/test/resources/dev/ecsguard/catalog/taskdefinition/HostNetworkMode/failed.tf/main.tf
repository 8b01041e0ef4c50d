provider "aws" {
  region = "eu-west-1"
}

locals {
  network_modes = {
    edge     = "host"
    internal = "awsvpc"
  }
}

resource "aws_ecs_task_definition" "haproxy" {
  family                   = "haproxy"
  network_mode             = "host"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name         = "haproxy"
      image        = "public.ecr.aws/docker/library/haproxy:3.1"
      memory       = 256
      portMappings = [{ containerPort = 443, hostPort = 443 }]
    }
  ])
}

resource "aws_ecs_task_definition" "edge_router" {
  family       = "edge-router"
  network_mode = local.network_modes["edge"]

  container_definitions = jsonencode([
    { name = "router", image = "traefik:v3.2", memory = 256 }
  ])
}

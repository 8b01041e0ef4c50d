provider "aws" {
  region = "eu-west-1"
}

locals {
  sidecar = {
    name      = "tcpdump-sidecar"
    image     = "nicolaka/netshoot:v0.13"
    memory    = 64
    essential = false
  }
}

resource "aws_ecs_task_definition" "dns_cache" {
  family                   = "dns-cache"
  network_mode             = "host"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name       = "coredns"
      image      = "public.ecr.aws/eks-distro/coredns/coredns:v1.11.3"
      essential  = true
      memory     = 170
      user       = "root"
      privileged = false
    }
  ])
}

resource "aws_ecs_task_definition" "net_metrics" {
  family       = "net-metrics"
  network_mode = "host"

  container_definitions = jsonencode([
    {
      name   = "collector"
      image  = "otel/opentelemetry-collector-contrib:0.115.1"
      memory = 256
      user   = "10001"
    },
    local.sidecar
  ])
}

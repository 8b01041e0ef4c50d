provider "aws" {
  region = "eu-west-1"
}

variable "envoy_version" {
  type    = string
  default = "1.27.3"
}

resource "aws_cloudwatch_log_group" "edge_proxy" {
  name              = "/ecs/edge-proxy"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "edge_proxy" {
  family                   = "edge-proxy"
  network_mode             = "host"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name      = "envoy"
      image     = "public.ecr.aws/envoyproxy/envoy:v${var.envoy_version}"
      essential = true
      memory    = 512
      user      = "101:101"
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.edge_proxy.name
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "envoy"
        }
      }
    },
    {
      name       = "node-exporter"
      image      = "quay.io/prometheus/node-exporter:v1.8.2"
      essential  = false
      memory     = 128
      privileged = true
    }
  ])
}

resource "aws_ecs_task_definition" "web" {
  family       = "web-bridge"
  network_mode = "bridge"

  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "public.ecr.aws/nginx/nginx:1.27"
      memory       = 256
      portMappings = [{ containerPort = 80 }]
    }
  ])
}

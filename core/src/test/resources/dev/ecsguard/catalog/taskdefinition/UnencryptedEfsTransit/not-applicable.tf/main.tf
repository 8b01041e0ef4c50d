provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "node_logs" {
  family = "node-logs"

  volume {
    name      = "varlog"
    host_path = "/var/log"
  }

  container_definitions = jsonencode([
    {
      name        = "shipper"
      image       = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"
      memory      = 128
      mountPoints = [{ sourceVolume = "varlog", containerPath = "/var/log", readOnly = true }]
    }
  ])
}

resource "aws_ecs_task_definition" "api" {
  family = "api"
  container_definitions = jsonencode([
    { name = "api", image = "public.ecr.aws/nginx/nginx:1.27", memory = 256 }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "pid_mode" {
  type    = string
  default = "host"
}

resource "aws_ecs_task_definition" "process_exporter" {
  family                   = "process-exporter"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  pid_mode                 = "host"

  container_definitions = jsonencode([
    { name = "process-exporter", image = "ncabatoff/process-exporter:0.8.4", memory = 128 }
  ])
}

resource "aws_ecs_task_definition" "pid_from_default" {
  family   = "pid-from-default"
  pid_mode = var.pid_mode

  container_definitions = jsonencode([
    { name = "agent", image = "public.ecr.aws/datadog/agent:7.60.0", memory = 256 }
  ])
}

# a daemon from a local module: the resource is module.node_exporter.aws_ecs_task_definition.this
module "node_exporter" {
  source   = "./modules/daemon"
  name     = "node-exporter"
  image    = "quay.io/prometheus/node-exporter:v1.8.2"
  pid_mode = "host"
}

provider "aws" {
  region = "eu-west-1"
}

variable "network_mode" {
  type        = string
  description = "host on the edge fleet, awsvpc elsewhere"
}

variable "agent_user" {
  type = string
}

resource "aws_ecs_task_definition" "mode_from_variable" {
  family       = "mode-from-variable"
  network_mode = var.network_mode

  container_definitions = jsonencode([
    { name = "agent", image = "public.ecr.aws/datadog/agent:7.60.0", memory = 256 }
  ])
}

resource "aws_ecs_task_definition" "user_from_variable" {
  family       = "user-from-variable"
  network_mode = "host"

  container_definitions = jsonencode([
    { name = "agent", image = "public.ecr.aws/datadog/agent:7.60.0", memory = 256, user = var.agent_user }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "pid_mode" {
  type = string
  validation {
    condition     = contains(["host", "task"], var.pid_mode)
    error_message = "pid_mode is host or task."
  }
}

resource "aws_ecs_task_definition" "pid_from_variable" {
  family   = "pid-from-variable"
  pid_mode = var.pid_mode

  container_definitions = jsonencode([
    { name = "agent", image = "public.ecr.aws/datadog/agent:7.60.0", memory = 256 }
  ])
}

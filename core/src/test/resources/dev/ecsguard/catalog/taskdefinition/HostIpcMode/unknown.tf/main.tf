provider "aws" {
  region = "eu-west-1"
}

variable "ipc_mode" {
  type     = string
  nullable = false
}

resource "aws_ecs_task_definition" "ipc_from_variable" {
  family   = "ipc-from-variable"
  ipc_mode = var.ipc_mode
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128 }
  ])
}

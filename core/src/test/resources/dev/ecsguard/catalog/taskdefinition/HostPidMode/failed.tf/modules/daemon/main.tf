variable "name" {
  type = string
}

variable "image" {
  type = string
}

variable "pid_mode" {
  type    = string
  default = null
}

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]
  pid_mode                 = var.pid_mode

  container_definitions = jsonencode([
    { name = var.name, image = var.image, memory = 128, essential = true }
  ])
}

output "arn" {
  value = aws_ecs_task_definition.this.arn
}

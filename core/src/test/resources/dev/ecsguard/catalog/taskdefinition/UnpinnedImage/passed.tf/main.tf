locals {
  tag = "1.37"
}

resource "aws_ecs_task_definition" "tagged" {
  family = "tagged"
  container_definitions = jsonencode([
    { name = "app", image = "busybox:${local.tag}", memory = 128 }
  ])
}

resource "aws_ecs_task_definition" "untagged" {
  family = "untagged"
  container_definitions = jsonencode([
    { name = "app", image = "busybox", memory = 128 }
  ])
}

# Scanned by a relative path: path.module must lead to this directory, not to PATH/PATH.
resource "aws_ecs_task_definition" "app" {
  family                = "app"
  container_definitions = file("${path.module}/containers.json")
}

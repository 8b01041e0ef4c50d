resource "aws_ecs_task_definition" "this" {
  family       = "web"
  network_mode = "host"
  container_definitions = jsonencode([{
    name  = "app"
    image = "nginx:1.27"
    user  = "1000"
  }])
}

output "arn" {
  value = aws_ecs_task_definition.this.arn
}

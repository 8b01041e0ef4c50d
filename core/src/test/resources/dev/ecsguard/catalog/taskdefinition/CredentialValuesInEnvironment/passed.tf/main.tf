resource "aws_ecs_task_definition" "by_reference" {
  family = "by-reference"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "example/app:1.4"
      environment = [{ name = "APP_MODE", value = "production" }]
      secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:eu-west-1:123456789012:parameter/db" }]
    }
  ])
}

resource "aws_ecs_task_definition" "literal" {
  family = "literal"
  container_definitions = jsonencode([
    {
      name  = "app"
      image = "example/app:1.4"
      environment = [
        { name = "APP_MODE", value = "production" },
        { name = "GITLAB_TOKEN", value = "glpat-abcdefghij0123456789" },
      ]
    }
  ])
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecs_task_definition" "from_repository" {
  family = "from-repository"
  container_definitions = jsonencode([
    { name = "app", image = aws_ecr_repository.app.repository_url, memory = 128 }
  ])
}

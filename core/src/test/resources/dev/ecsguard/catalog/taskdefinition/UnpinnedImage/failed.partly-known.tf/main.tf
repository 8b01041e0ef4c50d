resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecs_task_definition" "repository_latest" {
  family = "repository-latest"
  container_definitions = jsonencode([
    { name = "app", image = "${aws_ecr_repository.app.repository_url}:latest", memory = 128 }
  ])
}

resource "aws_ecr_repository" "app" {
  name = "app"
}

resource "aws_ecs_task_definition" "repository_url" {
  family = "repository-url"
  container_definitions = jsonencode([
    { name = "app", image = "${aws_ecr_repository.app.repository_url}", memory = 128 },
    { name = "formatted", image = format("%s:latest", aws_ecr_repository.app.repository_url), memory = 128 }
  ])
}

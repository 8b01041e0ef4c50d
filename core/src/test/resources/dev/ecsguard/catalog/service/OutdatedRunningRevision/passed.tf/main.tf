resource "aws_ecs_task_definition" "web" {
  family = "web"
  container_definitions = jsonencode([{
    name       = "app"
    image      = "nginx:1.27"
    privileged = true
  }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "prod"
  task_definition = aws_ecs_task_definition.web.arn
}

resource "aws_ecs_service" "pinned_to_latest" {
  name            = "pinned"
  cluster         = "prod"
  task_definition = "${aws_ecs_task_definition.web.family}:${aws_ecs_task_definition.web.revision}"
}

data "aws_ecs_task_definition" "web" {
  task_definition = "web"
}

resource "aws_ecs_service" "given" {
  name            = "given"
  cluster         = "prod"
  task_definition = data.aws_ecs_task_definition.web.arn
}

resource "aws_ecs_service" "older" {
  name            = "older"
  cluster         = "prod"
  task_definition = "web:3"
}

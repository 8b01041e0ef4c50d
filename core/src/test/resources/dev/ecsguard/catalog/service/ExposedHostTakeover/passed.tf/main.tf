resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([{
    name                   = "app"
    image                  = "nginx:1.27"
    user                   = "1000"
    readonlyRootFilesystem = true
  }])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "prod"
  launch_type     = "FARGATE"
  task_definition = aws_ecs_task_definition.web.arn

  network_configuration {
    subnets          = ["subnet-12345678"]
    assign_public_ip = true
  }
}

module "task" {
  source = "./task"
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "prod"
  task_definition = module.task.arn

  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}

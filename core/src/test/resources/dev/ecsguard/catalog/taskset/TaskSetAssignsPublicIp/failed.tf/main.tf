provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_set" "canary" {
  service         = "storefront"
  cluster         = "prod"
  task_definition = "storefront:42"
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0a1b2c3d4e5f60718"]
    assign_public_ip = true
  }
}

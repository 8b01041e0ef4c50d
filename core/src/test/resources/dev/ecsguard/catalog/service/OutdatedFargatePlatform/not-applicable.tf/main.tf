provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_service" "legacy" {
  name            = "legacy"
  cluster         = "prod"
  task_definition = "legacy:40"
  launch_type     = "EC2"
  desired_count   = 2
}

resource "aws_ecs_service" "gpu_inference" {
  name            = "gpu-inference"
  cluster         = "prod"
  task_definition = "inference:9"

  capacity_provider_strategy {
    capacity_provider = "gpu-asg"
    weight            = 1
  }
}

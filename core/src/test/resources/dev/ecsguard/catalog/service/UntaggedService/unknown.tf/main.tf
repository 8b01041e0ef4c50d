provider "aws" {
  region = "eu-west-1"
}

variable "tags" {
  type        = map(string)
  description = "tags every resource of the stack carries"
}

resource "aws_ecs_service" "shared" {
  name            = "shared"
  cluster         = "prod"
  task_definition = "shared:4"
  launch_type     = "EC2"
  desired_count   = 1

  tags = var.tags
}

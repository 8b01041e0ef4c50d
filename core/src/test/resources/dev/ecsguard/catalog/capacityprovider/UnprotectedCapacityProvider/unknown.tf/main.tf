provider "aws" {
  region = "eu-west-1"
}

variable "termination_protection" {
  type = string
}

resource "aws_ecs_capacity_provider" "from_variable" {
  name = "from-variable"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:8d3f1a2b-4c5d-6e7f-8091-a2b3c4d5e6f7:autoScalingGroupName/ecs-prod-asg"
    managed_termination_protection = var.termination_protection
  }
}

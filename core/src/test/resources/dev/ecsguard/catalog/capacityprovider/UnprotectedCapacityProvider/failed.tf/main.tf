provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_capacity_provider" "batch" {
  name = "batch-asg"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809:autoScalingGroupName/ecs-batch-asg"
    managed_termination_protection = "DISABLED"

    managed_scaling {
      status          = "ENABLED"
      target_capacity = 100
    }
  }
}

resource "aws_ecs_capacity_provider" "spot" {
  name = "spot-asg"

  auto_scaling_group_provider {
    auto_scaling_group_arn = "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0:autoScalingGroupName/ecs-spot-asg"
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_launch_template" "ecs" {
  name_prefix   = "ecs-prod-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m7g.large"
}

resource "aws_autoscaling_group" "ecs" {
  name                  = "ecs-prod-asg"
  min_size              = 0
  max_size              = 10
  availability_zones    = ["eu-west-1a", "eu-west-1b"]
  protect_from_scale_in = true

  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }
}

resource "aws_ecs_capacity_provider" "prod" {
  name = "prod-asg"

  auto_scaling_group_provider {
    # the group's ARN is known only after apply; the protection decides alone
    auto_scaling_group_arn         = aws_autoscaling_group.ecs.arn
    managed_termination_protection = "ENABLED"
    managed_draining               = "ENABLED"

    managed_scaling {
      status                    = "ENABLED"
      target_capacity           = 90
      minimum_scaling_step_size = 1
      maximum_scaling_step_size = 10
    }
  }
}

resource "aws_iam_role" "shared" {
  name               = "web"
  assume_role_policy = "{}"
}

locals {
  role = aws_iam_role.shared.arn
}

resource "aws_ecs_task_definition" "same_role" {
  family             = "same-role"
  task_role_arn      = aws_iam_role.shared.arn
  execution_role_arn = "${local.role}"
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128 }
  ])
}

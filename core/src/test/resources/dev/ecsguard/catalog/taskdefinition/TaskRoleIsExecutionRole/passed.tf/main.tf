resource "aws_iam_role" "task" {
  name               = "web-task"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "execution" {
  name               = "web-execution"
  assume_role_policy = "{}"
}

resource "aws_ecs_task_definition" "two_roles" {
  family             = "two-roles"
  task_role_arn      = aws_iam_role.task.arn
  execution_role_arn = aws_iam_role.execution.arn
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128 }
  ])
}

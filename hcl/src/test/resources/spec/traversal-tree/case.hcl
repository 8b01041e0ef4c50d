a = var.list[0].name["k"]
b = aws_iam_role.task.arn

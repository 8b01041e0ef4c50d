provider "aws" {
  region = "eu-west-1"
}

resource "aws_cloudwatch_log_group" "checkout" {
  name              = "/ecs/checkout"
  retention_in_days = 30
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024

  container_definitions = jsonencode([
    {
      name      = "checkout"
      image     = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/checkout:7.1.0"
      essential = true
      logConfiguration = {
        logDriver = "awsfirelens"
        options   = { Name = "cloudwatch_logs", region = "eu-west-1", log_group_name = aws_cloudwatch_log_group.checkout.name }
      }
    },
    {
      name                  = "log-router"
      image                 = "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4"
      essential             = true
      firelensConfiguration = { type = "fluentbit" }
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.checkout.name
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "firelens"
        }
      }
    }
  ])
}

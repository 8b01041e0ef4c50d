provider "aws" {
  region = "eu-west-1"
}

resource "aws_secretsmanager_secret" "deploy_key" {
  name = "legacy/deploy-key"
}

resource "aws_ecs_task_definition" "s3_sync" {
  family                   = "s3-sync"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512

  container_definitions = jsonencode([
    {
      name      = "sync"
      image     = "public.ecr.aws/aws-cli/aws-cli:2.22.10"
      essential = true
      environment = [
        { name = "AWS_REGION", value = "eu-west-1" },
        { name = "AWS_DEFAULT_OUTPUT", value = "json" }
      ]
      secrets = [
        { name = "AWS_ACCESS_KEY_ID", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy/deploy-key-AbCdEf:access_key_id::" },
        { name = "AWS_SECRET_ACCESS_KEY", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy/deploy-key-AbCdEf:secret_access_key::" }
      ]
    }
  ])
}

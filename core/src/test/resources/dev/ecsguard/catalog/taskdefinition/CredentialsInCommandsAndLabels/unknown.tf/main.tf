provider "aws" {
  region = "eu-west-1"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "password_after_flag" {
  family = "password-after-flag"
  container_definitions = jsonencode([
    {
      name    = "db"
      image   = "example/db:16"
      command = ["mysqld", "--password", var.db_password]
    }
  ])
}

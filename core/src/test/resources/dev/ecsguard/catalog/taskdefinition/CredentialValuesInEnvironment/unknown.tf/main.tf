provider "aws" {
  region = "eu-west-1"
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_ecs_task_definition" "from_variable" {
  family = "from-variable"
  container_definitions = jsonencode([
    {
      name        = "app"
      image       = "example/app:1.4"
      environment = [{ name = "DB_PASSWORD", value = var.db_password }]
    }
  ])
}

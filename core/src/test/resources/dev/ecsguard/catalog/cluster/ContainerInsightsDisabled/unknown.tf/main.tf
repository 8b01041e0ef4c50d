provider "aws" {
  region = "eu-west-1"
}

variable "container_insights" {
  type = string
}

resource "aws_ecs_cluster" "from_variable" {
  name = "from-variable"

  setting {
    name  = "containerInsights"
    value = var.container_insights
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "tags" {
  type        = map(string)
  description = "tags every resource of the stack carries"
}

resource "aws_ecs_cluster" "shared" {
  name = "shared"

  tags = var.tags
}

# a comment
// another
/* a block
   comment */
resource "aws_ecs_cluster" "main" {
  name = "main" # trailing

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
terraform { required_version = ">= 1.5" }
locals {}

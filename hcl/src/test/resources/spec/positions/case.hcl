# comment
resource "aws_ecs_cluster" "a" { // one line
  name = "a" }

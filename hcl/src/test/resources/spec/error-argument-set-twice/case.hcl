locals {
  mode = "host"
  other = 1
  mode = "awsvpc"
}

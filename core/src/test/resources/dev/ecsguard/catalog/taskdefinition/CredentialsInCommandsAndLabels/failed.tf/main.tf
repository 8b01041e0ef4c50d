resource "aws_ecs_task_definition" "github_token" {
  family = "github-token"
  container_definitions = jsonencode([
    {
      name    = "runner"
      image   = "example/runner:2"
      command = ["./run.sh", "--token", "ghp_a1B2c3D4e5a1B2c3D4e5a1B2c3D4e5F6g7H8"]
    }
  ])
}

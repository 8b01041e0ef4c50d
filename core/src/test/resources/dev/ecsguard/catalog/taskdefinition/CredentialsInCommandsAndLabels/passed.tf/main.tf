resource "aws_ecs_task_definition" "plain" {
  family = "plain"
  container_definitions = jsonencode([
    {
      name         = "app"
      image        = "example/app:1.4"
      command      = ["./app", "--listen", ":8080"]
      dockerLabels = { "com.example.team" = "payments" }
    }
  ])
}

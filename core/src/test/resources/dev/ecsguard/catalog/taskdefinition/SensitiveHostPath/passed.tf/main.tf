resource "aws_ecs_task_definition" "logs" {
  family = "logs"
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128,
    mountPoints = [{ sourceVolume = "logs", containerPath = "/logs" }] }
  ])
  volume {
    name      = "logs"
    host_path = "/var/log/app"
  }
}

resource "aws_efs_file_system" "data" {}

resource "aws_ecs_task_definition" "computed_path" {
  family = "computed-path"
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128,
    mountPoints = [{ sourceVolume = "data", containerPath = "/data" }] }
  ])
  volume {
    name      = "data"
    host_path = "/mnt/efs/${aws_efs_file_system.data.id}"
  }
}

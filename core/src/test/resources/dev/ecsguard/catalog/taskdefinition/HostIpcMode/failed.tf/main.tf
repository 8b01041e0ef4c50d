resource "aws_ecs_task_definition" "ipc_host" {
  family   = "ipc-host"
  ipc_mode = "host"
  container_definitions = jsonencode([
    { name = "app", image = "busybox:1.37", memory = 128 }
  ])
}

resource "aws_ecs_task_definition" "docker_socket" {
  family = "docker-socket"
  container_definitions = jsonencode([
    { name = "agent", image = "busybox:1.37", memory = 128,
    mountPoints = [{ sourceVolume = "docker", containerPath = "/var/run/docker.sock", readOnly = true }] }
  ])
  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }
}

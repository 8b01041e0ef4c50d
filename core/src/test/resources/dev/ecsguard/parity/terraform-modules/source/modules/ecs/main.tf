# The parity resources in a module: its variables have no defaults, the root passes them.
variable "hardened" {
  type = bool
}

variable "team" {}

locals {
  tags = { team = var.team }
  bad_containers = [
    {
      name                   = "app"
      image                  = "nginx"
      privileged             = true
      readonlyRootFilesystem = false
      user                   = "root"
      environment            = [{ name = "AWS_SECRET_ACCESS_KEY", value = "x" }, { name = "DB_PASSWORD", value = "correct-horse-battery" }]
      command                = ["mysqld", "--password", "hunter2hunter2"]
      linuxParameters = {
        capabilities = { add = ["SYS_ADMIN"] }
        devices      = [{ hostPath = "/dev/fuse" }]
      }
      dockerSecurityOptions = ["apparmor:unconfined"]
    },
    {
      name                   = "sidecar"
      image                  = "envoy"
      mountPoints            = [{ sourceVolume = "docker", containerPath = "/var/run/docker.sock", readOnly = true }]
      readonlyRootFilesystem = true
      user                   = "1000"
      logConfiguration       = { logDriver = "awslogs" }
    },
  ]
}

resource "aws_ecs_task_definition" "bad" {
  family                = "bad"
  network_mode          = var.hardened ? "awsvpc" : "host"
  pid_mode              = "host"
  ipc_mode              = "host"
  task_role_arn      = "arn:aws:iam::123456789012:role/shared"
  execution_role_arn = "arn:aws:iam::123456789012:role/shared"
  container_definitions = jsonencode(local.bad_containers)

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = "DISABLED"
    }
  }

  volume {
    name      = "docker"
    host_path = "/var/run/docker.sock"
  }
}

resource "aws_ecs_task_definition" "good" {
  family       = "good"
  network_mode = "awsvpc"
  ipc_mode     = "task"
  task_role_arn      = "arn:aws:iam::123456789012:role/web-task"
  execution_role_arn = "arn:aws:iam::123456789012:role/web-execution"
  runtime_platform {
    operating_system_family = "LINUX"
  }
  container_definitions = <<-JSON
    [
      {
        "name": "app",
        "image": "nginx:1.27",
        "privileged": false,
        "readonlyRootFilesystem": true,
        "user": "1000:1000",
        "environment": [{"name": "LOG_LEVEL", "value": "info"}],
        "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}},
        "dockerSecurityOptions": ["no-new-privileges:true"],
        "logConfiguration": {"logDriver": "awslogs"}
      }
    ]
  JSON

  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = "ENABLED"
    }
  }
  tags = local.tags
}

resource "aws_ecs_service" "bad" {
  name             = "bad-service"
  task_definition  = aws_ecs_task_definition.bad.arn
  launch_type      = "FARGATE"
  platform_version = "1.3.0"
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = true
  }
}

resource "aws_ecs_service" "good" {
  name             = "good-service"
  task_definition  = aws_ecs_task_definition.good.arn
  launch_type      = "FARGATE"
  platform_version = "LATEST"
  network_configuration {
    subnets          = ["subnet-1"]
    assign_public_ip = false
  }
  tags = merge(local.tags, {})
}

resource "aws_ecs_cluster" "bad" {
  name = "bad-cluster"
  setting {
    name  = "containerInsights"
    value = "disabled"
  }
}

resource "aws_ecs_cluster" "good" {
  name = "good-cluster"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
  tags = local.tags
}

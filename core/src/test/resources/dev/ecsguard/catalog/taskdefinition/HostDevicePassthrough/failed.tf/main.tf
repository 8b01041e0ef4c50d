provider "aws" {
  region = "eu-west-1"
}

variable "devices" {
  type = list(object({
    hostPath      = string
    containerPath = optional(string)
    permissions   = optional(list(string))
  }))
  default = [{ hostPath = "/dev/fuse", containerPath = "/dev/fuse", permissions = ["read", "write", "mknod"] }]
}

resource "aws_ecs_task_definition" "s3_mount" {
  family                   = "s3-mount"
  requires_compatibilities = ["EC2"]
  container_definitions = jsonencode([
    {
      name            = "mountpoint"
      image           = "public.ecr.aws/docker/library/alpine:3.21"
      memory          = 256
      linuxParameters = { devices = var.devices }
    }
  ])
}

resource "aws_ecs_task_definition" "modbus_bridge" {
  family = "modbus-bridge"
  container_definitions = jsonencode([
    {
      name            = "bridge"
      image           = "example/modbus-bridge:2.0"
      memory          = 128
      linuxParameters = { devices = [{ hostPath = "/dev/ttyUSB0" }] }
    }
  ])
}

provider "aws" {
  region = "eu-west-1"
}

variable "debug_capabilities" {
  type    = list(string)
  default = ["SYS_PTRACE"]
}

resource "aws_ecs_task_definition" "debug_tools" {
  family = "debug-tools"
  container_definitions = jsonencode([
    { name = "app", image = "public.ecr.aws/docker/library/python:3.13-slim", memory = 256 },
    {
      name            = "strace"
      image           = "nicolaka/netshoot:v0.13"
      memory          = 64
      linuxParameters = { capabilities = { add = var.debug_capabilities } }
    }
  ])
}

resource "aws_ecs_task_definition" "vpn_gateway" {
  family       = "vpn-gateway"
  network_mode = "host"
  container_definitions = jsonencode([
    {
      name   = "wireguard"
      image  = "linuxserver/wireguard:1.0.20210914"
      memory = 128
      linuxParameters = {
        capabilities = {
          add  = ["NET_ADMIN", "SYS_MODULE"]
          drop = ["MKNOD"]
        }
      }
    }
  ])
}

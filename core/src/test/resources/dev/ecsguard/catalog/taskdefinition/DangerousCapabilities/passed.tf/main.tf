provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_task_definition" "proxy" {
  family                   = "proxy"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    {
      name   = "haproxy"
      image  = "public.ecr.aws/docker/library/haproxy:3.1"
      memory = 256
      linuxParameters = {
        initProcessEnabled = true
        capabilities = {
          drop = ["ALL"]
          add  = ["NET_BIND_SERVICE"]
        }
      }
    },
    {
      name            = "ntp"
      image           = "cturra/ntp:2.3"
      memory          = 64
      linuxParameters = { capabilities = { add = ["SYS_TIME"] } }
    }
  ])
}

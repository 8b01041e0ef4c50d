provider "aws" {
  region = "eu-west-1"
}

variable "gpu_devices" {
  type = list(object({ hostPath = string }))
}

resource "aws_ecs_task_definition" "transcoder" {
  family = "transcoder"
  container_definitions = jsonencode([
    {
      name            = "ffmpeg"
      image           = "jrottenberg/ffmpeg:7.1-vaapi"
      memory          = 1024
      linuxParameters = { devices = var.gpu_devices }
    }
  ])
}

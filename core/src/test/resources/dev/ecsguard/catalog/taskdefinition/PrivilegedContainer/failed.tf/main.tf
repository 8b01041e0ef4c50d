provider "aws" {
  region = "eu-west-1"
}

variable "privileged_agent" {
  type    = bool
  default = true
}

resource "aws_ecs_task_definition" "ci_runner" {
  family                   = "ci-runner"
  network_mode             = "bridge"
  requires_compatibilities = ["EC2"]

  container_definitions = jsonencode([
    { name = "runner", image = "gitlab/gitlab-runner:v17.6.0", memory = 512 },
    { name = "dind", image = "public.ecr.aws/docker/library/docker:27-dind", memory = 2048, privileged = true }
  ])
}

resource "aws_ecs_task_definition" "security_agent" {
  family = "security-agent"
  container_definitions = jsonencode([
    { name = "falco", image = "falcosecurity/falco:0.39.2", memory = 512, privileged = var.privileged_agent }
  ])
}

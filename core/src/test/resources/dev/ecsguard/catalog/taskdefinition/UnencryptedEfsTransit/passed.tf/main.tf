provider "aws" {
  region = "eu-west-1"
}

resource "aws_efs_file_system" "wordpress" {
  encrypted = true
}

resource "aws_efs_access_point" "wordpress" {
  file_system_id = aws_efs_file_system.wordpress.id

  posix_user {
    uid = 1000
    gid = 1000
  }
}

resource "aws_ecs_task_definition" "wordpress" {
  family                   = "wordpress"
  network_mode             = "awsvpc"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024

  # the file system's id is known only after apply; transit_encryption decides alone
  volume {
    name = "wp-content"

    efs_volume_configuration {
      file_system_id     = aws_efs_file_system.wordpress.id
      transit_encryption = "ENABLED"

      authorization_config {
        access_point_id = aws_efs_access_point.wordpress.id
        iam             = "ENABLED"
      }
    }
  }

  volume {
    name = "scratch"
  }

  container_definitions = jsonencode([
    {
      name      = "wordpress"
      image     = "public.ecr.aws/docker/library/wordpress:6.7-apache"
      essential = true
      mountPoints = [
        { sourceVolume = "wp-content", containerPath = "/var/www/html/wp-content" },
        { sourceVolume = "scratch", containerPath = "/tmp" }
      ]
    }
  ])
}

locals {
  create_service         = var.create && var.create_service
  create_task_definition = var.create && var.create_task_definition

  network_configuration = {
    assign_public_ip = var.assign_public_ip
    security_groups  = var.security_group_ids
    subnets          = var.subnet_ids
  }
}

################################################################################
# Service
################################################################################

resource "aws_ecs_service" "this" {
  count = local.create_service ? 1 : 0

  name            = var.name
  cluster         = var.cluster_arn
  task_definition = aws_ecs_task_definition.this[0].arn
  desired_count   = var.desired_count
  launch_type     = var.launch_type

  enable_execute_command = var.enable_execute_command
  propagate_tags         = var.propagate_tags

  dynamic "network_configuration" {
    # Only awsvpc networking takes a network configuration
    for_each = var.network_mode == "awsvpc" ? [local.network_configuration] : []

    content {
      assign_public_ip = network_configuration.value.assign_public_ip
      security_groups  = network_configuration.value.security_groups
      subnets          = network_configuration.value.subnets
    }
  }

  tags = merge(var.tags, var.service_tags)
}

################################################################################
# Task Definition
################################################################################

resource "aws_ecs_task_definition" "this" {
  count = local.create_task_definition ? 1 : 0

  family                   = coalesce(var.family, var.name)
  container_definitions    = jsonencode(var.container_definitions)
  cpu                      = var.cpu
  memory                   = var.memory
  network_mode             = var.network_mode
  requires_compatibilities = var.requires_compatibilities

  dynamic "volume" {
    for_each = var.volume

    content {
      name = volume.key

      dynamic "efs_volume_configuration" {
        for_each = [volume.value.efs_volume_configuration]

        content {
          file_system_id     = efs_volume_configuration.value.file_system_id
          transit_encryption = efs_volume_configuration.value.transit_encryption
        }
      }
    }
  }

  tags = merge(var.tags, var.task_tags)
}

################################################################################
# Cluster
################################################################################

resource "aws_ecs_cluster" "this" {
  count = var.create ? 1 : 0

  name = var.cluster_name

  dynamic "setting" {
    for_each = var.cluster_settings
    iterator = each_setting

    content {
      name  = each_setting.value.name
      value = each_setting.value.value
    }
  }

  tags = merge(var.tags, var.cluster_tags)
}

locals {
  is_not_windows = var.operating_system_family == "LINUX"

  definition = {
    name                   = var.name
    image                  = var.image
    essential              = var.essential
    privileged             = local.is_not_windows ? var.privileged : null
    readonlyRootFilesystem = local.is_not_windows ? var.readonlyRootFilesystem : null
    user                   = local.is_not_windows ? var.user : null
    environment            = var.environment
    portMappings           = var.portMappings
    logConfiguration       = var.logConfiguration
  }
}

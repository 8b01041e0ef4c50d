provider "aws" {
  region = local.region
}

locals {
  region = "eu-west-1"
  name   = "ex-complete"

  container_name = "ecsdemo-frontend"
  container_port = 3000

  tags = {
    Name       = local.name
    Example    = local.name
    Repository = "https://github.com/terraform-aws-modules/terraform-aws-ecs"
  }
}

################################################################################
# Cluster
################################################################################

module "ecs_cluster" {
  source = "../../modules/cluster"

  cluster_name = local.name

  tags = local.tags
}

################################################################################
# Service
################################################################################

module "frontend_container" {
  source = "../../modules/container-definition"

  name       = local.container_name
  image      = "public.ecr.aws/aws-containers/ecsdemo-frontend:776fd50"
  essential  = true
  privileged = true

  portMappings = [
    {
      name          = local.container_name
      containerPort = local.container_port
      protocol      = "tcp"
    }
  ]
}

module "ecs_service" {
  source = "../../modules/service"

  name        = local.name
  cluster_arn = module.ecs_cluster.arn

  assign_public_ip = true
  subnet_ids       = ["subnet-abcde012", "subnet-bcde012a"]

  container_definitions = [module.frontend_container.container_definition]

  volume = {
    shared = {
      efs_volume_configuration = {
        file_system_id     = "fs-1234"
        transit_encryption = "ENABLED"
      }
    }
  }

  tags = local.tags
}

# Task definition only: the module creates no service
module "batch" {
  source = "../../modules/service"

  name           = "${local.name}-batch"
  create_service = false

  container_definitions = [
    {
      name                   = "batch"
      image                  = "public.ecr.aws/docker/library/busybox:latest"
      essential              = true
      readonlyRootFilesystem = true
      user                   = "1000"
    }
  ]

  tags = local.tags
}

# The root: the parity resources are made by a local module, with what this call passes.
module "ecs" {
  source   = "./modules/ecs"
  hardened = false
  team     = "web"
}

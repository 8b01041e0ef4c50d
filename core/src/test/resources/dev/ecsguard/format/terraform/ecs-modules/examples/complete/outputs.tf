output "cluster_name" {
  description = "Name that identifies the cluster"
  value       = module.ecs_cluster.name
}

output "service_task_definition_family" {
  description = "The unique name of the task definition"
  value       = module.ecs_service.task_definition_family
}

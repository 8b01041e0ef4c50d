output "id" {
  description = "ARN that identifies the service"
  value       = aws_ecs_service.this[0].id
}

output "task_definition_family" {
  description = "The unique name of the task definition"
  value       = coalesce(var.family, var.name)
}

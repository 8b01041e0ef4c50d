output "container_definition" {
  description = "Container definition"
  value       = local.definition
}

output "arn" {
  description = "ARN that identifies the cluster"
  value       = aws_ecs_cluster.this[0].arn
}

output "name" {
  description = "Name that identifies the cluster"
  value       = var.cluster_name
}

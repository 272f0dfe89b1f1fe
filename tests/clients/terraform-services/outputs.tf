output "vpc_id" { value = aws_vpc.main.id }
output "lb_arn" { value = aws_lb.web.arn }
output "lb_name" { value = aws_lb.web.name }
output "target_group_arn" { value = aws_lb_target_group.app.arn }
output "instance_ids" { value = aws_instance.app[*].id }
output "db_identifier" { value = aws_db_instance.orders.identifier }
output "db_endpoint" { value = aws_db_instance.orders.address }
output "cache_cluster_id" { value = aws_elasticache_cluster.sessions.cluster_id }
output "function_name" { value = aws_lambda_function.api.function_name }
output "security_group_ids" {
  value = {
    alb      = aws_security_group.alb.id
    app      = aws_security_group.app.id
    function = aws_security_group.function.id
    db       = aws_security_group.db.id
    cache    = aws_security_group.cache.id
  }
}

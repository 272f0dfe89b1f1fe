namespace ControlPlane.Domain.Model;

/// <summary>
/// A resource of another AWS service that lives in or refers to a VPC: a load balancer, target group or listener, a DB
/// instance, cluster or subnet group, a cache cluster, a Lambda function, an ECS task or service, an EKS cluster, an
/// MQ broker. The columns are what the control plane itself queries (scope, service, kind, name, ARN, VPC, state,
/// parent); the service's own attributes (engine, port, listeners, targets, ...) are one JSON document, read and
/// written only by that service's handlers through a typed record. The interfaces the resource places in subnets are
/// ordinary <see cref="NetworkInterface"/> rows whose <see cref="NetworkInterface.ManagedByResourceId"/> is this ARN.
/// </summary>
public sealed class ServiceResource : ScopedEntity
{
    /// <summary>The ARN, unique across every service, kind, account and region.</summary>
    public required string Arn { get; init; }

    /// <summary>The model the resource belongs to: <c>elbv2</c>, <c>elb</c>, <c>rds</c>, <c>redshift</c>, <c>elasticache</c>, <c>lambda</c>, <c>ecs</c>, <c>eks</c>, <c>mq</c>.</summary>
    public required string Service { get; init; }

    /// <summary>The resource type within the service: <c>loadbalancer</c>, <c>targetgroup</c>, <c>db</c>, <c>cluster</c>, <c>subgrp</c>, <c>function</c>, ...</summary>
    public required string Kind { get; init; }

    /// <summary>The name or identifier users address it by, unique per (scope, service, kind).</summary>
    public required string Name { get; init; }

    /// <summary>The resource's own id where it has one besides its name (<c>b-…</c> for an MQ broker, the task id); else null.</summary>
    public string? ResourceId { get; init; }

    public string? VpcId { get; set; }

    /// <summary>The ARN of the resource this one belongs to (a listener's load balancer, a cluster member's cluster).</summary>
    public string? ParentArn { get; set; }

    public string State { get; set; } = "available";
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The service-specific attributes as JSON.</summary>
    public string Document { get; set; } = "{}";
}

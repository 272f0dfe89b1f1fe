namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// What ELB v2 keeps of a load balancer in its <c>service_resources</c> row (service <c>elbv2</c>, kind
/// <c>loadbalancer</c>, Name = the load balancer's name). The reachability code reads the subnets and groups here.
/// </summary>
public sealed record LoadBalancerDocument
{
    /// <summary><c>application</c>, <c>network</c> or <c>gateway</c>.</summary>
    public required string Type { get; init; }
    public required string Scheme { get; init; }
    public required string IpAddressType { get; init; }
    public required string DnsName { get; init; }
    public required string CanonicalHostedZoneId { get; init; }

    /// <summary>The 16 hex digits that end the ARN (<c>app/&lt;name&gt;/&lt;id&gt;</c>).</summary>
    public required string LoadBalancerId { get; init; }
    public List<string> SubnetIds { get; init; } = [];
    public List<string> SecurityGroupIds { get; init; } = [];

    /// <summary>An NLB created without groups can never get any; one created with groups keeps at least one.</summary>
    public bool CreatedWithSecurityGroups { get; init; }
    public Dictionary<string, string> Attributes { get; init; } = [];
    public List<TagDocument> Tags { get; init; } = [];
}

/// <summary>A target group (kind <c>targetgroup</c>, Name = its name). Port null for Lambda groups.</summary>
public sealed record TargetGroupDocument
{
    public string? Protocol { get; init; }
    public int? Port { get; init; }
    public required string TargetType { get; init; }
    public string? VpcId { get; init; }
    public string? ProtocolVersion { get; init; }
    public string? IpAddressType { get; init; }
    public required string TargetGroupId { get; init; }
    public bool HealthCheckEnabled { get; init; }
    public string? HealthCheckProtocol { get; init; }
    public string? HealthCheckPort { get; init; }
    public string? HealthCheckPath { get; init; }
    public int HealthCheckIntervalSeconds { get; init; }
    public int HealthCheckTimeoutSeconds { get; init; }
    public int HealthyThresholdCount { get; init; }
    public int UnhealthyThresholdCount { get; init; }
    public string? MatcherHttpCode { get; init; }
    public string? MatcherGrpcCode { get; init; }
    public List<TargetDocument> Targets { get; init; } = [];
    public Dictionary<string, string> Attributes { get; init; } = [];
    public List<TagDocument> Tags { get; init; } = [];
}

/// <summary>A registered target: an instance id, an IP address, a Lambda function ARN or an ALB ARN. Port null = the group's port.</summary>
public sealed record TargetDocument(string Id, int? Port, string? AvailabilityZone);

/// <summary>A listener (kind <c>listener</c>, Name = the listener's 16 hex id, ParentArn = its load balancer's ARN).</summary>
public sealed record ListenerDocument
{
    public int? Port { get; init; }
    public string? Protocol { get; init; }
    public string? SslPolicy { get; init; }
    public List<string> CertificateArns { get; init; } = [];
    public List<string>? AlpnPolicy { get; init; }
    public List<ActionDocument> DefaultActions { get; init; } = [];
    public Dictionary<string, string> Attributes { get; init; } = [];
    public List<TagDocument> Tags { get; init; } = [];
}

/// <summary>
/// A listener action. A forward action names its groups in <see cref="TargetGroupArn"/> (one group) or
/// <see cref="ForwardTargetGroupArns"/> (a weighted ForwardConfig; the weights in <see cref="ForwardWeights"/>).
/// </summary>
public sealed record ActionDocument
{
    public required string Type { get; init; }
    public int? Order { get; init; }
    public string? TargetGroupArn { get; init; }
    public List<string>? ForwardTargetGroupArns { get; init; }
    public List<int?>? ForwardWeights { get; init; }
    public bool? StickinessEnabled { get; init; }
    public int? StickinessDurationSeconds { get; init; }
    public RedirectActionConfig? Redirect { get; init; }
    public FixedResponseActionConfig? FixedResponse { get; init; }

    /// <summary>Every target group the action sends traffic to.</summary>
    public IEnumerable<string> TargetGroupArns() =>
        (ForwardTargetGroupArns ?? []).Concat(TargetGroupArn is null ? [] : [TargetGroupArn]).Distinct(StringComparer.Ordinal);
}

public sealed record TagDocument(string Key, string? Value);

namespace ControlPlane.Application.Features.LoadBalancing;

// The ELB v2 model's structures, named as the model names their members (the query binder and writer match exactly).

public sealed record ResourceTag(string? Key, string? Value);

public sealed record SubnetMapping(string? SubnetId, string? AllocationId, string? PrivateIPv4Address, string? IPv6Address, string? SourceNatIpv6Prefix);

public sealed record LoadBalancerState(string Code, string? Reason = null);

public sealed record LoadBalancerAddress(string? IpAddress, string? AllocationId, string? PrivateIPv4Address);

public sealed record AvailabilityZone(string ZoneName, string SubnetId, IReadOnlyList<LoadBalancerAddress> LoadBalancerAddresses);

public sealed record LoadBalancer(
    string LoadBalancerArn, string DNSName, string? CanonicalHostedZoneId, DateTimeOffset CreatedTime, string LoadBalancerName, string Scheme,
    string VpcId, LoadBalancerState State, string Type, IReadOnlyList<AvailabilityZone> AvailabilityZones, IReadOnlyList<string>? SecurityGroups,
    string IpAddressType);

/// <summary>A load balancer, target group or listener attribute (the model has one key/value shape per kind).</summary>
public sealed record AttributeEntry(string? Key, string? Value);

public sealed record Matcher(string? HttpCode, string? GrpcCode);

public sealed record TargetGroup(
    string TargetGroupArn, string TargetGroupName, string? Protocol, int? Port, string? VpcId, string? HealthCheckProtocol, string? HealthCheckPort,
    bool HealthCheckEnabled, int HealthCheckIntervalSeconds, int HealthCheckTimeoutSeconds, int HealthyThresholdCount, int UnhealthyThresholdCount,
    string? HealthCheckPath, Matcher? Matcher, IReadOnlyList<string> LoadBalancerArns, string TargetType, string? ProtocolVersion, string? IpAddressType);

public sealed record TargetDescription(string? Id, int? Port, string? AvailabilityZone);

public sealed record TargetHealth(string State, string? Reason, string? Description);

public sealed record TargetHealthDescription(TargetDescription Target, string? HealthCheckPort, TargetHealth TargetHealth);

public sealed record TargetGroupTuple(string? TargetGroupArn, int? Weight);

public sealed record TargetGroupStickinessConfig(bool? Enabled, int? DurationSeconds);

public sealed record ForwardActionConfig(IReadOnlyList<TargetGroupTuple>? TargetGroups, TargetGroupStickinessConfig? TargetGroupStickinessConfig);

public sealed record RedirectActionConfig(string? Protocol, string? Port, string? Host, string? Path, string? Query, string? StatusCode);

public sealed record FixedResponseActionConfig(string? MessageBody, string? StatusCode, string? ContentType);

/// <summary>
/// A listener action as requests carry it and answers show it: forward, redirect and fixed-response. The authenticate
/// and JWT actions are refused (their configuration members are not bound).
/// </summary>
public sealed record ListenerAction
{
    public string? Type { get; init; }
    public string? TargetGroupArn { get; init; }
    public ForwardActionConfig? ForwardConfig { get; init; }
    public RedirectActionConfig? RedirectConfig { get; init; }
    public FixedResponseActionConfig? FixedResponseConfig { get; init; }
    public int? Order { get; init; }
}

public sealed record Certificate(string? CertificateArn, bool? IsDefault);

public sealed record Listener(
    string ListenerArn, string LoadBalancerArn, int? Port, string? Protocol, IReadOnlyList<Certificate>? Certificates, string? SslPolicy,
    IReadOnlyList<ListenerAction> DefaultActions, IReadOnlyList<string>? AlpnPolicy);

public sealed record TagDescription(string ResourceArn, IReadOnlyList<ResourceTag> Tags);

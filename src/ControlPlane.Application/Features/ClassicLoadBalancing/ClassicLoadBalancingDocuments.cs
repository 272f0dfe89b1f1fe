namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// What the Classic Load Balancer API keeps of a load balancer in its <c>service_resources</c> row (service <c>elb</c>,
/// kind <c>loadbalancer</c>, Name = the load balancer's name): listeners, registered instances, subnets and groups.
/// </summary>
public sealed record ClassicLoadBalancerDocument
{
    public required string Scheme { get; init; }
    public required string DnsName { get; init; }
    public required string CanonicalHostedZoneNameId { get; init; }
    public List<ClassicListenerDocument> Listeners { get; init; } = [];
    public List<string> Instances { get; init; } = [];
    public List<string> SubnetIds { get; init; } = [];
    public List<string> SecurityGroupIds { get; init; } = [];
    public required HealthCheck HealthCheck { get; init; }
    public List<ClassicTagDocument> Tags { get; init; } = [];
}

/// <summary>A listener: the front-end protocol and port, and the protocol and port on the instances.</summary>
public sealed record ClassicListenerDocument(string Protocol, int LoadBalancerPort, string InstanceProtocol, int InstancePort, string? SslCertificateId);

public sealed record ClassicTagDocument(string Key, string? Value);

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

// The Classic Load Balancer model's structures, named as the model names their members.

public sealed record Listener(string? Protocol, int? LoadBalancerPort, string? InstanceProtocol, int? InstancePort, string? SSLCertificateId);

public sealed record ListenerDescription(Listener Listener, IReadOnlyList<string> PolicyNames);

public sealed record Instance(string? InstanceId);

public sealed record HealthCheck(string Target, int Interval, int Timeout, int UnhealthyThreshold, int HealthyThreshold);

public sealed record SourceSecurityGroup(string OwnerAlias, string GroupName);

public sealed record BackendServerDescription(int InstancePort, IReadOnlyList<string> PolicyNames);

public sealed record Policies(IReadOnlyList<object> AppCookieStickinessPolicies, IReadOnlyList<object> LBCookieStickinessPolicies, IReadOnlyList<string> OtherPolicies);

public sealed record LoadBalancerDescription(
    string LoadBalancerName, string DNSName, string? CanonicalHostedZoneName, string CanonicalHostedZoneNameID,
    IReadOnlyList<ListenerDescription> ListenerDescriptions, Policies Policies, IReadOnlyList<BackendServerDescription> BackendServerDescriptions,
    IReadOnlyList<string> AvailabilityZones, IReadOnlyList<string> Subnets, string VPCId, IReadOnlyList<Instance> Instances, HealthCheck HealthCheck,
    SourceSecurityGroup? SourceSecurityGroup, IReadOnlyList<string> SecurityGroups, DateTimeOffset CreatedTime, string Scheme);

public sealed record Tag(string? Key, string? Value);

public sealed record TagDescription(string LoadBalancerName, IReadOnlyList<Tag> Tags);

public sealed record CrossZoneLoadBalancing(bool Enabled);

public sealed record AccessLog(bool Enabled);

public sealed record ConnectionDraining(bool Enabled, int Timeout);

public sealed record ConnectionSettings(int IdleTimeout);

public sealed record AdditionalAttribute(string Key, string Value);

public sealed record LoadBalancerAttributes(
    CrossZoneLoadBalancing CrossZoneLoadBalancing, AccessLog AccessLog, ConnectionDraining ConnectionDraining, ConnectionSettings ConnectionSettings,
    IReadOnlyList<AdditionalAttribute> AdditionalAttributes);

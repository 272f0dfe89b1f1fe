namespace ControlPlane.Application.Features.Eks;

// EKS's wire shapes (botocore model eks 2017-11-01). The model spells members in camel case; the JSON protocol
// matches them case-insensitively, so the records use .NET names.

public sealed record VpcConfigRequest(IReadOnlyList<string>? SubnetIds, IReadOnlyList<string>? SecurityGroupIds, bool? EndpointPublicAccess,
    bool? EndpointPrivateAccess, IReadOnlyList<string>? PublicAccessCidrs);

public sealed record VpcConfigResponse(IReadOnlyList<string> SubnetIds, IReadOnlyList<string> SecurityGroupIds, string ClusterSecurityGroupId,
    string VpcId, bool EndpointPublicAccess, bool EndpointPrivateAccess, IReadOnlyList<string> PublicAccessCidrs);

public sealed record Certificate(string Data);

public sealed record Oidc(string Issuer);

public sealed record Identity(Oidc Oidc);

public sealed record LogSetup(IReadOnlyList<string> Types, bool Enabled);

public sealed record Logging(IReadOnlyList<LogSetup> ClusterLogging);

public sealed record KubernetesNetworkConfigResponse(string ServiceIpv4Cidr, string IpFamily);

public sealed record AccessConfigResponse(string AuthenticationMode, bool BootstrapClusterCreatorAdminPermissions);

public sealed record UpgradePolicyResponse(string SupportType);

public sealed record Cluster
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Version { get; init; }
    public required string Endpoint { get; init; }
    public required string RoleArn { get; init; }
    public required VpcConfigResponse ResourcesVpcConfig { get; init; }
    public required KubernetesNetworkConfigResponse KubernetesNetworkConfig { get; init; }
    public required Logging Logging { get; init; }
    public required Identity Identity { get; init; }
    public required string Status { get; init; }
    public required Certificate CertificateAuthority { get; init; }
    public string? ClientRequestToken { get; init; }
    public required string PlatformVersion { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
    public required AccessConfigResponse AccessConfig { get; init; }
    public required UpgradePolicyResponse UpgradePolicy { get; init; }
}

public sealed record UpdateParam(string Type, string Value);

public sealed record ErrorDetail(string? ErrorCode, string? ErrorMessage, IReadOnlyList<string>? ResourceIds);

public sealed record Update(string Id, string Status, string Type, IReadOnlyList<UpdateParam> Params, DateTimeOffset CreatedAt, IReadOnlyList<ErrorDetail> Errors);

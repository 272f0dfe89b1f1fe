namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// A cluster as stored in <c>service_resources</c> (service <c>eks</c>, kind <c>cluster</c>, name = cluster name, VpcId =
/// its VPC). Its two control-plane interfaces are owned by the cluster ARN; the cluster security group EKS created is
/// an ordinary EC2 group, deleted with the cluster.
/// </summary>
public sealed record ClusterDocument
{
    public required string RoleArn { get; init; }
    public required string Version { get; init; }
    public required string PlatformVersion { get; init; }
    public required string Endpoint { get; init; }
    public required string CertificateData { get; init; }
    public required string OidcIssuer { get; init; }
    public required string ServiceIpv4Cidr { get; init; }
    public required IReadOnlyList<string> SubnetIds { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required string ClusterSecurityGroupId { get; init; }
    public bool EndpointPublicAccess { get; init; } = true;
    public bool EndpointPrivateAccess { get; init; }
    public IReadOnlyList<string> PublicAccessCidrs { get; init; } = ["0.0.0.0/0"];
    public string? ClientRequestToken { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<UpdateDocument> Updates { get; init; } = [];
}

/// <summary>An UpdateClusterConfig request as DescribeUpdate shows it: done at once, so <c>Successful</c>.</summary>
public sealed record UpdateDocument(string Id, string Type, IReadOnlyList<UpdateParam> Params, DateTimeOffset CreatedAt);

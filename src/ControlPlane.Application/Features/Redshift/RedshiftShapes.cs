using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Redshift;

// The Redshift output shapes ControlPlane fills, with the model's member names (redshift 2012-12-01).

public sealed record RedshiftAvailabilityZone(string Name);

public sealed record RedshiftSubnet(string SubnetIdentifier, RedshiftAvailabilityZone SubnetAvailabilityZone, string SubnetStatus);

public sealed record ClusterSubnetGroupShape(
    string ClusterSubnetGroupName,
    string Description,
    string VpcId,
    string SubnetGroupStatus,
    IReadOnlyList<RedshiftSubnet> Subnets,
    IReadOnlyList<Tag> Tags,
    IReadOnlyList<string> SupportedClusterIpAddressTypes);

public sealed record RedshiftEndpoint(string Address, int Port);

public sealed record RedshiftVpcSecurityGroupMembership(string VpcSecurityGroupId, string Status);

public sealed record ClusterNode(string NodeRole, string? PrivateIPAddress, string? PublicIPAddress);

public sealed record ClusterParameterGroupStatus(string ParameterGroupName, string ParameterApplyStatus);

public sealed record ClusterShape
{
    public required string ClusterIdentifier { get; init; }
    public required string NodeType { get; init; }
    public required string ClusterStatus { get; init; }
    public string ClusterAvailabilityStatus { get; init; } = "Available";
    public string? MasterUsername { get; init; }
    public string? DBName { get; init; }
    public required RedshiftEndpoint Endpoint { get; init; }
    public DateTimeOffset ClusterCreateTime { get; init; }
    public int AutomatedSnapshotRetentionPeriod { get; init; }
    public int ManualSnapshotRetentionPeriod { get; init; } = -1;
    public IReadOnlyList<object> ClusterSecurityGroups { get; init; } = [];
    public required IReadOnlyList<RedshiftVpcSecurityGroupMembership> VpcSecurityGroups { get; init; }
    public required IReadOnlyList<ClusterParameterGroupStatus> ClusterParameterGroups { get; init; }
    public required string ClusterSubnetGroupName { get; init; }
    public required string VpcId { get; init; }
    public required string AvailabilityZone { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public string ClusterVersion { get; init; } = "1.0";
    public bool AllowVersionUpgrade { get; init; } = true;
    public required int NumberOfNodes { get; init; }
    public bool PubliclyAccessible { get; init; }
    public bool Encrypted { get; init; }
    public bool EnhancedVpcRouting { get; init; }
    public string? KmsKeyId { get; init; }
    public required IReadOnlyList<ClusterNode> ClusterNodes { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
    public IReadOnlyList<object> IamRoles { get; init; } = [];
    public string MaintenanceTrackName { get; init; } = "current";
    public string? ClusterNamespaceArn { get; init; }
    public string IpAddressType { get; init; } = "ipv4";
    public string MultiAZ { get; init; } = "Disabled";
}

public sealed record TaggedResource(Tag Tag, string ResourceName, string ResourceType);

using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Redshift;

// What ControlPlane keeps of each Redshift resource in its ServiceResource document (service "redshift"; kinds
// "subnetgroup" and "cluster").

public sealed record ClusterSubnetGroupDocument
{
    public required string Description { get; init; }
    public required IReadOnlyList<string> SubnetIds { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record RedshiftClusterDocument
{
    public required string NodeType { get; init; }
    public required string ClusterType { get; init; }
    public required int NumberOfNodes { get; init; }
    public required int Port { get; init; }
    public required string EndpointAddress { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required string SubnetGroupName { get; init; }
    public required string AvailabilityZone { get; init; }
    public bool PubliclyAccessible { get; init; }
    public string? MasterUsername { get; init; }
    public string? DBName { get; init; }
    public bool Encrypted { get; init; }
    public string? KmsKeyId { get; init; }
    public bool EnhancedVpcRouting { get; init; }
    public int AutomatedSnapshotRetentionPeriod { get; init; } = 1;
    public string? PreferredMaintenanceWindow { get; init; }
    public string? ClusterParameterGroupName { get; init; }
    public string? ClusterVersion { get; init; }
    public bool AllowVersionUpgrade { get; init; } = true;
    public required string NamespaceId { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

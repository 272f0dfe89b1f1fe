using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Rds;

// The RDS output shapes ControlPlane fills, with the model's member names (rds 2014-10-31). The query writer names
// the list items (VpcSecurityGroupMembership, Subnet, DBInstance, ...) from the model.

public sealed record RdsAvailabilityZone(string Name);

public sealed record RdsSubnet(string SubnetIdentifier, RdsAvailabilityZone SubnetAvailabilityZone, string SubnetStatus);

public sealed record DBSubnetGroupShape(
    string DBSubnetGroupName,
    string DBSubnetGroupDescription,
    string VpcId,
    string SubnetGroupStatus,
    IReadOnlyList<RdsSubnet> Subnets,
    string DBSubnetGroupArn,
    IReadOnlyList<string> SupportedNetworkTypes);

public sealed record RdsEndpoint(string Address, int Port, string HostedZoneId);

public sealed record VpcSecurityGroupMembership(string VpcSecurityGroupId, string Status);

public sealed record DBParameterGroupStatus(string DBParameterGroupName, string ParameterApplyStatus);

public sealed record OptionGroupMembership(string OptionGroupName, string Status);

public sealed record PendingModifiedValues;

public sealed record DBInstanceShape
{
    public required string DBInstanceIdentifier { get; init; }
    public required string DBInstanceClass { get; init; }
    public required string Engine { get; init; }
    public required string DBInstanceStatus { get; init; }
    public string? MasterUsername { get; init; }
    public string? DBName { get; init; }
    public RdsEndpoint? Endpoint { get; init; }
    public int? AllocatedStorage { get; init; }
    public DateTimeOffset InstanceCreateTime { get; init; }
    public string? PreferredBackupWindow { get; init; }
    public int BackupRetentionPeriod { get; init; }
    public IReadOnlyList<object> DBSecurityGroups { get; init; } = [];
    public required IReadOnlyList<VpcSecurityGroupMembership> VpcSecurityGroups { get; init; }
    public required IReadOnlyList<DBParameterGroupStatus> DBParameterGroups { get; init; }
    public required string AvailabilityZone { get; init; }
    public required DBSubnetGroupShape DBSubnetGroup { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public PendingModifiedValues PendingModifiedValues { get; init; } = new();
    public bool MultiAZ { get; init; }
    public required string EngineVersion { get; init; }
    public bool AutoMinorVersionUpgrade { get; init; }
    public IReadOnlyList<string> ReadReplicaDBInstanceIdentifiers { get; init; } = [];
    public string? LicenseModel { get; init; }
    public IReadOnlyList<OptionGroupMembership>? OptionGroupMemberships { get; init; }
    public string? SecondaryAvailabilityZone { get; init; }
    public bool PubliclyAccessible { get; init; }
    public string? StorageType { get; init; }
    public int DbInstancePort { get; init; }
    public string? DBClusterIdentifier { get; init; }
    public bool StorageEncrypted { get; init; }
    public string? KmsKeyId { get; init; }
    public required string DbiResourceId { get; init; }
    public string? CACertificateIdentifier { get; init; }
    public bool CopyTagsToSnapshot { get; init; }
    public int MonitoringInterval { get; init; }
    public int? PromotionTier { get; init; }
    public required string DBInstanceArn { get; init; }
    public bool IAMDatabaseAuthenticationEnabled { get; init; }
    public bool PerformanceInsightsEnabled { get; init; }
    public bool DeletionProtection { get; init; }
    public IReadOnlyList<Tag> TagList { get; init; } = [];
    public bool CustomerOwnedIpEnabled { get; init; }
    public string? BackupTarget { get; init; }
    public string? NetworkType { get; init; }
    public bool DedicatedLogVolume { get; init; }
    public string? EngineLifecycleSupport { get; init; }
}

public sealed record DBClusterMember(string DBInstanceIdentifier, bool IsClusterWriter, string DBClusterParameterGroupStatus, int PromotionTier);

public sealed record DBClusterShape
{
    public int? AllocatedStorage { get; init; }
    public required IReadOnlyList<string> AvailabilityZones { get; init; }
    public int BackupRetentionPeriod { get; init; }
    public string? DatabaseName { get; init; }
    public required string DBClusterIdentifier { get; init; }
    public required string DBClusterParameterGroup { get; init; }
    public required string DBSubnetGroup { get; init; }
    public required string Status { get; init; }
    public required string Endpoint { get; init; }
    public string? ReaderEndpoint { get; init; }
    public bool MultiAZ { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required int Port { get; init; }
    public string? MasterUsername { get; init; }
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public IReadOnlyList<string> ReadReplicaIdentifiers { get; init; } = [];
    public required IReadOnlyList<DBClusterMember> DBClusterMembers { get; init; }
    public required IReadOnlyList<VpcSecurityGroupMembership> VpcSecurityGroups { get; init; }
    public required string HostedZoneId { get; init; }
    public bool StorageEncrypted { get; init; }
    public string? KmsKeyId { get; init; }
    public required string DbClusterResourceId { get; init; }
    public required string DBClusterArn { get; init; }
    public bool IAMDatabaseAuthenticationEnabled { get; init; }
    public DateTimeOffset ClusterCreateTime { get; init; }
    public string? EngineMode { get; init; }
    public bool DeletionProtection { get; init; }
    public bool CopyTagsToSnapshot { get; init; }
    public string? DBClusterInstanceClass { get; init; }
    public string? StorageType { get; init; }
    public bool? PubliclyAccessible { get; init; }
    public IReadOnlyList<Tag> TagList { get; init; } = [];
    public string? NetworkType { get; init; }
}

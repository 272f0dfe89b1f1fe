using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Rds;

// What ControlPlane keeps of each RDS resource in its ServiceResource document (service "rds"; kinds "subgrp", "db",
// "cluster"). The row holds the name, ARN, VPC, parent cluster (a member instance's ParentArn) and state.

public sealed record DbSubnetGroupDocument
{
    public required string Description { get; init; }
    public required IReadOnlyList<string> SubnetIds { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record DbInstanceDocument
{
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required string DBInstanceClass { get; init; }
    public required int Port { get; init; }
    public required string EndpointAddress { get; init; }
    public required string DbiResourceId { get; init; }
    /// <summary>Empty for a cluster member, whose groups are its cluster's.</summary>
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required string SubnetGroupName { get; init; }
    public required string AvailabilityZone { get; init; }
    public string? SecondaryAvailabilityZone { get; init; }
    public bool PubliclyAccessible { get; init; }
    public bool MultiAZ { get; init; }
    public string? DBClusterIdentifier { get; init; }
    public string? MasterUsername { get; init; }
    public string? DBName { get; init; }
    public int? AllocatedStorage { get; init; }
    public string? StorageType { get; init; }
    public bool StorageEncrypted { get; init; }
    public string? KmsKeyId { get; init; }
    public int BackupRetentionPeriod { get; init; }
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public string? DBParameterGroupName { get; init; }
    public string? OptionGroupName { get; init; }
    public string? LicenseModel { get; init; }
    public string? CACertificateIdentifier { get; init; }
    public bool AutoMinorVersionUpgrade { get; init; } = true;
    public bool CopyTagsToSnapshot { get; init; }
    public bool DeletionProtection { get; init; }
    public bool IAMDatabaseAuthenticationEnabled { get; init; }
    public int? PromotionTier { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

public sealed record DbClusterDocument
{
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public string? EngineMode { get; init; }
    public required int Port { get; init; }
    public required string EndpointAddress { get; init; }
    public required string ReaderEndpointAddress { get; init; }
    public required string DbClusterResourceId { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required string SubnetGroupName { get; init; }
    public required IReadOnlyList<string> AvailabilityZones { get; init; }
    public string? DBClusterInstanceClass { get; init; }
    public string? MasterUsername { get; init; }
    public string? DatabaseName { get; init; }
    public int? AllocatedStorage { get; init; }
    public string? StorageType { get; init; }
    public bool StorageEncrypted { get; init; }
    public string? KmsKeyId { get; init; }
    public int BackupRetentionPeriod { get; init; } = 1;
    public string? PreferredBackupWindow { get; init; }
    public string? PreferredMaintenanceWindow { get; init; }
    public string? DBClusterParameterGroupName { get; init; }
    public bool? PubliclyAccessible { get; init; }
    public bool CopyTagsToSnapshot { get; init; }
    public bool DeletionProtection { get; init; }
    public bool IAMDatabaseAuthenticationEnabled { get; init; }
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}

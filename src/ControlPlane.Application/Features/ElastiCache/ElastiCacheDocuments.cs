namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>A tag as ElastiCache keeps it, inside the resource's document (not EC2's tag table).</summary>
public sealed record CacheTag(string Key, string? Value);

/// <summary>What a cache subnet group holds besides its row: the description, its subnets (with their zones) and tags.</summary>
public sealed record CacheSubnetGroupDocument(string Description, IReadOnlyList<CacheSubnetDocument> Subnets, IReadOnlyList<CacheTag> Tags);

public sealed record CacheSubnetDocument(string SubnetId, string AvailabilityZone);

/// <summary>
/// A cache cluster: a standalone Memcached/Redis/Valkey cluster or a member of a replication group
/// (<see cref="ReplicationGroupId"/>, row parent = the group's ARN). Each node has one interface.
/// </summary>
public sealed record CacheClusterDocument
{
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required string CacheNodeType { get; init; }
    public required int Port { get; init; }
    public required string CacheSubnetGroupName { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required IReadOnlyList<CacheNodeDocument> Nodes { get; init; }
    public required string AzMode { get; init; }
    public string? ReplicationGroupId { get; init; }
    public string? CacheParameterGroupName { get; init; }
    public string PreferredMaintenanceWindow { get; init; } = "sun:05:00-sun:06:00";
    public string? SnapshotWindow { get; init; }
    public int? SnapshotRetentionLimit { get; init; }
    public bool AutoMinorVersionUpgrade { get; init; } = true;
    public bool TransitEncryptionEnabled { get; init; }
    public string NetworkType { get; init; } = "ipv4";
    public string? NotificationTopicArn { get; init; }
    public IReadOnlyList<CacheTag> Tags { get; init; } = [];
}

/// <summary>One cache node (<c>0001</c>, ...), placed in one subnet of the cluster's subnet group.</summary>
public sealed record CacheNodeDocument(string CacheNodeId, string SubnetId, string AvailabilityZone, DateTimeOffset CreatedAt, string NetworkInterfaceId);

/// <summary>
/// A replication group with cluster mode disabled: one node group <c>0001</c> whose member clusters
/// (<c>&lt;id&gt;-001</c>, ...) each hold one node; the first is the primary.
/// </summary>
public sealed record ReplicationGroupDocument
{
    public required string Description { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required string CacheNodeType { get; init; }
    public required int Port { get; init; }
    public required string CacheSubnetGroupName { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required IReadOnlyList<string> MemberClusters { get; init; }
    public required string PrimaryClusterId { get; init; }
    public bool AutomaticFailover { get; init; }
    public bool MultiAz { get; init; }
    public bool AtRestEncryptionEnabled { get; init; }
    public bool TransitEncryptionEnabled { get; init; }
    public string? CacheParameterGroupName { get; init; }
    public string PreferredMaintenanceWindow { get; init; } = "sun:05:00-sun:06:00";
    public string SnapshotWindow { get; init; } = "06:30-07:30";
    public int SnapshotRetentionLimit { get; init; }
    public bool AutoMinorVersionUpgrade { get; init; } = true;
    public string NetworkType { get; init; } = "ipv4";
    public IReadOnlyList<CacheTag> Tags { get; init; } = [];
}

/// <summary>A serverless cache: one interface per subnet, named directly (no subnet group).</summary>
public sealed record ServerlessCacheDocument
{
    public string? Description { get; init; }
    public required string Engine { get; init; }
    public required string MajorEngineVersion { get; init; }
    public required string FullEngineVersion { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required IReadOnlyList<string> SubnetIds { get; init; }
    public string? DailySnapshotTime { get; init; }
    public int? SnapshotRetentionLimit { get; init; }
    public string? KmsKeyId { get; init; }
    public string? UserGroupId { get; init; }
    public IReadOnlyList<CacheTag> Tags { get; init; } = [];
}

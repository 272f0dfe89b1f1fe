namespace ControlPlane.Application.Features.ElastiCache;

// The ElastiCache output shapes ControlPlane fills, with the botocore model's member names (elasticache 2015-02-02).

public sealed record EndpointShape(string Address, int Port);

public sealed record AvailabilityZoneShape(string Name);

public sealed record CacheSubnetShape(string SubnetIdentifier, AvailabilityZoneShape SubnetAvailabilityZone, IReadOnlyList<string> SupportedNetworkTypes);

public sealed record CacheSubnetGroupShape(string CacheSubnetGroupName, string CacheSubnetGroupDescription, string VpcId,
    IReadOnlyList<CacheSubnetShape> Subnets, string ARN, IReadOnlyList<string> SupportedNetworkTypes);

public sealed record SecurityGroupMembershipShape(string SecurityGroupId, string Status);

public sealed record CacheParameterGroupStatusShape(string CacheParameterGroupName, string ParameterApplyStatus, IReadOnlyList<string> CacheNodeIdsToReboot);

public sealed record PendingModifiedValuesShape;

public sealed record CacheNodeShape(string CacheNodeId, string CacheNodeStatus, DateTimeOffset CacheNodeCreateTime, EndpointShape Endpoint,
    string ParameterGroupStatus, string CustomerAvailabilityZone);

public sealed record CacheClusterShape
{
    public required string CacheClusterId { get; init; }
    public EndpointShape? ConfigurationEndpoint { get; init; }
    public string? ClientDownloadLandingPage { get; init; }
    public required string CacheNodeType { get; init; }
    public required string Engine { get; init; }
    public required string EngineVersion { get; init; }
    public required string CacheClusterStatus { get; init; }
    public required int NumCacheNodes { get; init; }
    public required string PreferredAvailabilityZone { get; init; }
    public required DateTimeOffset CacheClusterCreateTime { get; init; }
    public required string PreferredMaintenanceWindow { get; init; }
    public required PendingModifiedValuesShape PendingModifiedValues { get; init; }
    public required IReadOnlyList<object> CacheSecurityGroups { get; init; }
    public required CacheParameterGroupStatusShape CacheParameterGroup { get; init; }
    public required string CacheSubnetGroupName { get; init; }
    public IReadOnlyList<CacheNodeShape>? CacheNodes { get; init; }
    public required bool AutoMinorVersionUpgrade { get; init; }
    public required IReadOnlyList<SecurityGroupMembershipShape> SecurityGroups { get; init; }
    public string? ReplicationGroupId { get; init; }
    public int? SnapshotRetentionLimit { get; init; }
    public string? SnapshotWindow { get; init; }
    public required bool AuthTokenEnabled { get; init; }
    public required bool TransitEncryptionEnabled { get; init; }
    public required bool AtRestEncryptionEnabled { get; init; }
    public required string ARN { get; init; }
    public required bool ReplicationGroupLogDeliveryEnabled { get; init; }
    public required IReadOnlyList<object> LogDeliveryConfigurations { get; init; }
    public required string NetworkType { get; init; }
    public required string IpDiscovery { get; init; }
}

public sealed record NodeGroupMemberShape(string CacheClusterId, string CacheNodeId, EndpointShape ReadEndpoint, string PreferredAvailabilityZone, string CurrentRole);

public sealed record NodeGroupShape(string NodeGroupId, string Status, EndpointShape PrimaryEndpoint, EndpointShape ReaderEndpoint,
    IReadOnlyList<NodeGroupMemberShape> NodeGroupMembers);

public sealed record ReplicationGroupPendingModifiedValuesShape;

public sealed record ReplicationGroupShape
{
    public required string ReplicationGroupId { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public required ReplicationGroupPendingModifiedValuesShape PendingModifiedValues { get; init; }
    public required IReadOnlyList<string> MemberClusters { get; init; }
    public required IReadOnlyList<NodeGroupShape> NodeGroups { get; init; }
    public required string AutomaticFailover { get; init; }
    public required string MultiAZ { get; init; }
    public required int SnapshotRetentionLimit { get; init; }
    public required string SnapshotWindow { get; init; }
    public required bool ClusterEnabled { get; init; }
    public required string CacheNodeType { get; init; }
    public required bool AuthTokenEnabled { get; init; }
    public required bool TransitEncryptionEnabled { get; init; }
    public required bool AtRestEncryptionEnabled { get; init; }
    public required string ARN { get; init; }
    public required IReadOnlyList<object> LogDeliveryConfigurations { get; init; }
    public required DateTimeOffset ReplicationGroupCreateTime { get; init; }
    public required string DataTiering { get; init; }
    public required bool AutoMinorVersionUpgrade { get; init; }
    public required string NetworkType { get; init; }
    public required string IpDiscovery { get; init; }
    public required string ClusterMode { get; init; }
    public required string Engine { get; init; }
}

public sealed record ServerlessCacheShape
{
    public required string ServerlessCacheName { get; init; }
    public string? Description { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public required string Status { get; init; }
    public required string Engine { get; init; }
    public required string MajorEngineVersion { get; init; }
    public required string FullEngineVersion { get; init; }
    public string? KmsKeyId { get; init; }
    public required IReadOnlyList<string> SecurityGroupIds { get; init; }
    public required EndpointShape Endpoint { get; init; }
    public required EndpointShape ReaderEndpoint { get; init; }
    public required string ARN { get; init; }
    public string? UserGroupId { get; init; }
    public required IReadOnlyList<string> SubnetIds { get; init; }
    public int? SnapshotRetentionLimit { get; init; }
    public string? DailySnapshotTime { get; init; }
    public required string NetworkType { get; init; }
}

public sealed record TagShape(string Key, string? Value);

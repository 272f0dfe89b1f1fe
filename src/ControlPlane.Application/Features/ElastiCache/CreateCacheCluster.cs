using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Creates a cache cluster of <c>NumCacheNodes</c> nodes (Redis and Valkey: one; Memcached: up to 40) in a cache subnet
/// group (the default VPC's <c>default</c> group when none is named), guarded by <c>SecurityGroupIds</c> of that VPC (its
/// default group when none). Each node gets one requester-managed interface. With <c>ReplicationGroupId</c> the cluster
/// joins that replication group as a read replica, with the group's engine, node type, subnet group and security
/// groups. The answer shows <c>creating</c>; Describe shows <c>available</c>. EC2-Classic cache security groups are not
/// supported (AWS: not permitted for accounts created since 2013).
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html
/// </summary>
[AwsService("elasticache")]
public static class CreateCacheCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheClusterId { get; init; }
        public string? ReplicationGroupId { get; init; }
        public string? AZMode { get; init; }
        public string? PreferredAvailabilityZone { get; init; }
        public IReadOnlyList<string>? PreferredAvailabilityZones { get; init; }
        public int? NumCacheNodes { get; init; }
        public string? CacheNodeType { get; init; }
        public string? Engine { get; init; }
        public string? EngineVersion { get; init; }
        public string? CacheParameterGroupName { get; init; }
        public string? CacheSubnetGroupName { get; init; }
        public IReadOnlyList<string>? CacheSecurityGroupNames { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public IReadOnlyList<TagShape>? Tags { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public int? Port { get; init; }
        public string? NotificationTopicArn { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public int? SnapshotRetentionLimit { get; init; }
        public string? SnapshotWindow { get; init; }
        public bool? TransitEncryptionEnabled { get; init; }
        public string? NetworkType { get; init; }

        public string EngineName => (Engine ?? "memcached").ToLowerInvariant();
    }

    public sealed record Result(CacheClusterShape CacheCluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CacheClusterId).CacheIdentifier("CacheClusterId", 50);
            RuleFor(c => c.Engine).CacheEngine();
            RuleFor(c => c.CacheSecurityGroupNames).Must(n => n is not { Count: > 0 }).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterCombination("Use of cache security groups is not permitted along with cache subnet group and/or security group Ids."));
            RuleFor(c => c.CacheNodeType).NotEmpty().When(c => c.ReplicationGroupId is null)
                .WithAwsError((_, _) => ElastiCacheErrors.MissingParameter("CacheNodeType"));
            RuleFor(c => c.NumCacheNodes).Must(n => n is null or >= 1 and <= 40)
                .WithAwsError((_, n) => ElastiCacheErrors.InvalidParameterValue($"Invalid value {n} for NumCacheNodes: it must be between 1 and 40."));
            RuleFor(c => c.NumCacheNodes).Must(n => n is null or 1).When(c => c.ReplicationGroupId is not null || !CacheResources.IsMemcached(c.EngineName))
                .WithAwsError((_, _) => ElastiCacheErrors.InvalidParameterValue("Cannot create a Redis or Valkey cluster with a NumCacheNodes parameter greater than 1."));
            RuleFor(c => c.AZMode).Must(m => m is null or "single-az" or "cross-az")
                .WithAwsError((_, m) => ElastiCacheErrors.InvalidParameterValue($"Invalid value for AZMode: {m}. Valid values are single-az and cross-az."));
            RuleFor(c => c.AZMode).Must(m => m != "cross-az").When(c => !CacheResources.IsMemcached(c.EngineName))
                .WithAwsError((_, _) => ElastiCacheErrors.InvalidParameterCombination("AZMode cross-az is only supported for the memcached engine."));
            RuleFor(c => c.Port).Must(p => p is null or >= 1024 and <= 65535)
                .WithAwsError((_, p) => ElastiCacheErrors.InvalidParameterValue($"Invalid port {p}: it must be between 1024 and 65535."));
            RuleFor(c => c.PreferredAvailabilityZones).Must((c, zones) => zones is null || zones.Count == (c.NumCacheNodes ?? 1))
                .WithAwsError((_, _) => ElastiCacheErrors.InvalidParameterValue("The number of PreferredAvailabilityZones must equal NumCacheNodes."));
            RuleFor(c => c.Tags).CacheTags();
        }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.CacheClusterId!.ToLowerInvariant();
            if (await store.FindAsync(CacheResources.Service, CacheResources.ClusterKind, id, cancellationToken) is not null)
                throw ElastiCacheErrors.CacheClusterAlreadyExists(id);
            var zones = command.PreferredAvailabilityZones ?? (command.PreferredAvailabilityZone is { } zone ? [zone] : []);
            var row = command.ReplicationGroupId is { } groupId
                ? await JoinAsync(id, groupId.ToLowerInvariant(), zones, command, cancellationToken)
                : await CreateAsync(id, zones, command, cancellationToken);
            return new Result(CacheViews.Cluster(_caches, row, showNodes: false, CacheResources.Creating));
        }, cancellationToken);

        private async Task<Domain.Model.ServiceResource> CreateAsync(string id, IReadOnlyList<string> zones, Command command, CancellationToken cancellationToken)
        {
            var engine = command.EngineName;
            var group = await _caches.SubnetGroupAsync(command.CacheSubnetGroupName, cancellationToken);
            var groups = await _caches.GroupsAsync(command.SecurityGroupIds, group.VpcId, cancellationToken);
            var azMode = command.AZMode ?? "single-az";
            var placement = CacheResources.Place(group, command.NumCacheNodes ?? 1, 0, azMode, zones);
            var version = command.EngineVersion ?? CacheResources.DefaultEngineVersion(engine);
            var template = new CacheClusterDocument
            {
                Engine = engine, EngineVersion = version, CacheNodeType = command.CacheNodeType!,
                Port = command.Port ?? CacheResources.DefaultPort(engine), CacheSubnetGroupName = group.Name, SecurityGroupIds = [], Nodes = [],
                AzMode = azMode, CacheParameterGroupName = command.CacheParameterGroupName,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow ?? "sun:05:00-sun:06:00",
                SnapshotWindow = command.SnapshotWindow, SnapshotRetentionLimit = command.SnapshotRetentionLimit,
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? true, TransitEncryptionEnabled = command.TransitEncryptionEnabled ?? false,
                NetworkType = command.NetworkType ?? "ipv4", NotificationTopicArn = command.NotificationTopicArn, Tags = CacheResources.Tags(command.Tags),
            };
            return await _caches.AddClusterAsync(id, template, group, groups, placement, null, cancellationToken);
        }

        /// <summary>A read replica added to a replication group: it takes the group's settings and the next zone round robin.</summary>
        private async Task<Domain.Model.ServiceResource> JoinAsync(string id, string groupId, IReadOnlyList<string> zones, Command command, CancellationToken cancellationToken)
        {
            var rgRow = await store.FindAsync(CacheResources.Service, CacheResources.ReplicationGroupKind, groupId, cancellationToken)
                ?? throw ElastiCacheErrors.ReplicationGroupNotFound(groupId);
            var rg = ServiceResourceStore.Read<ReplicationGroupDocument>(rgRow);
            if (rg.MemberClusters.Count >= 6)
                throw ElastiCacheErrors.InvalidParameterValue($"Replication group {groupId} already has the maximum of 5 read replicas.");
            var group = await _caches.SubnetGroupAsync(rg.CacheSubnetGroupName, cancellationToken);
            var groups = await _caches.GroupsAsync(rg.SecurityGroupIds, group.VpcId, cancellationToken);
            var placement = CacheResources.Place(group, 1, rg.MemberClusters.Count, "cross-az", zones);
            var template = new CacheClusterDocument
            {
                Engine = rg.Engine, EngineVersion = rg.EngineVersion, CacheNodeType = rg.CacheNodeType, Port = rg.Port,
                CacheSubnetGroupName = group.Name, SecurityGroupIds = [], Nodes = [], AzMode = "single-az", ReplicationGroupId = groupId,
                CacheParameterGroupName = rg.CacheParameterGroupName, SnapshotWindow = rg.SnapshotWindow, SnapshotRetentionLimit = rg.SnapshotRetentionLimit,
                TransitEncryptionEnabled = rg.TransitEncryptionEnabled, Tags = CacheResources.Tags(command.Tags),
            };
            var row = await _caches.AddClusterAsync(id, template, group, groups, placement, rgRow.Arn, cancellationToken);
            ServiceResourceStore.Write(rgRow, rg with { MemberClusters = [.. rg.MemberClusters, id] });
            return row;
        }
    }
}

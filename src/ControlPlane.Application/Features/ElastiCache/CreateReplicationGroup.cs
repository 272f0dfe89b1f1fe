using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Creates a Redis or Valkey replication group with cluster mode disabled: one node group <c>0001</c> of
/// <c>NumCacheClusters</c> (1-6) single-node clusters named <c>&lt;id&gt;-001</c>, <c>&lt;id&gt;-002</c>, ..., the first the
/// primary, spread over the subnet group's zones (or <c>PreferredCacheClusterAZs</c>), each node with its interface. With
/// <c>PrimaryClusterId</c> an existing standalone cluster becomes the primary and the rest are added as replicas. The
/// group shows a primary endpoint (<c>&lt;id&gt;.&lt;token&gt;.ng.0001.&lt;region&gt;.cache.amazonaws.com</c>) and a reader endpoint
/// (<c>&lt;id&gt;-ro...</c>). Cluster mode enabled (several node groups), global datastores and snapshots are not supported.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
/// </summary>
[AwsService("elasticache")]
public static class CreateReplicationGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? ReplicationGroupId { get; init; }
        public string? ReplicationGroupDescription { get; init; }
        public string? GlobalReplicationGroupId { get; init; }
        public string? PrimaryClusterId { get; init; }
        public bool? AutomaticFailoverEnabled { get; init; }
        public bool? MultiAZEnabled { get; init; }
        public int? NumCacheClusters { get; init; }
        public IReadOnlyList<string>? PreferredCacheClusterAZs { get; init; }
        public int? NumNodeGroups { get; init; }
        public int? ReplicasPerNodeGroup { get; init; }
        public IReadOnlyList<object>? NodeGroupConfiguration { get; init; }
        public string? ClusterMode { get; init; }
        public string? CacheNodeType { get; init; }
        public string? Engine { get; init; }
        public string? EngineVersion { get; init; }
        public string? CacheParameterGroupName { get; init; }
        public string? CacheSubnetGroupName { get; init; }
        public IReadOnlyList<string>? CacheSecurityGroupNames { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public IReadOnlyList<TagShape>? Tags { get; init; }
        public IReadOnlyList<string>? SnapshotArns { get; init; }
        public string? SnapshotName { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public int? Port { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public int? SnapshotRetentionLimit { get; init; }
        public string? SnapshotWindow { get; init; }
        public bool? TransitEncryptionEnabled { get; init; }
        public bool? AtRestEncryptionEnabled { get; init; }
        public string? NetworkType { get; init; }

        public string EngineName => (Engine ?? "redis").ToLowerInvariant();

        /// <summary>Clusters in the one node group: NumCacheClusters, else one primary plus ReplicasPerNodeGroup.</summary>
        public int Clusters => NumCacheClusters ?? PreferredCacheClusterAZs?.Count ?? 1 + (ReplicasPerNodeGroup ?? 0);

        public bool ClusterModeEnabled => NumNodeGroups is > 1 || ClusterMode is "enabled" || NodeGroupConfiguration is { Count: > 1 };
    }

    public sealed record Result(ReplicationGroupShape ReplicationGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ReplicationGroupId).CacheIdentifier("ReplicationGroupId", 40);
            RuleFor(c => c.Engine).CacheEngine();
            RuleFor(c => c.EngineName).NotEqual("memcached")
                .WithAwsError((_, _) => ElastiCacheErrors.InvalidParameterValue("Replication groups are only supported for the redis and valkey engines."));
            RuleFor(c => c.ClusterModeEnabled).Equal(false).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterValue("Cluster mode enabled replication groups (more than one node group) are not supported by ControlPlane."));
            RuleFor(c => c.GlobalReplicationGroupId).Null().WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterValue("Global datastores are not supported by ControlPlane."));
            RuleFor(c => c.SnapshotName).Null().When(c => c.SnapshotArns is not { Count: > 0 }).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterValue("Seeding a replication group from a snapshot is not supported by ControlPlane."));
            RuleFor(c => c.CacheSecurityGroupNames).Must(n => n is not { Count: > 0 }).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterCombination("Use of cache security groups is not permitted along with cache subnet group and/or security group Ids."));
            RuleFor(c => c.CacheNodeType).NotEmpty().When(c => c.PrimaryClusterId is null)
                .WithAwsError((_, _) => ElastiCacheErrors.MissingParameter("CacheNodeType"));
            RuleFor(c => c.Clusters).InclusiveBetween(1, 6)
                .WithAwsError((_, n) => ElastiCacheErrors.InvalidParameterValue($"Invalid value {n} for NumCacheClusters: it must be between 1 and 6."));
            RuleFor(c => c.PreferredCacheClusterAZs).Must((c, zones) => zones is null || zones.Count == c.Clusters)
                .WithAwsError((_, _) => ElastiCacheErrors.InvalidParameterValue("The number of PreferredCacheClusterAZs must equal NumCacheClusters."));
            RuleFor(c => c.AutomaticFailoverEnabled).Must((c, on) => on != true || c.Clusters >= 2).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterCombination("Automatic failover needs at least one read replica: NumCacheClusters must be at least 2."));
            RuleFor(c => c.MultiAZEnabled).Must((c, on) => on != true || c.AutomaticFailoverEnabled == true).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterCombination("Multi-AZ can only be enabled together with automatic failover."));
            RuleFor(c => c.Port).Must(p => p is null or >= 1024 and <= 65535)
                .WithAwsError((_, p) => ElastiCacheErrors.InvalidParameterValue($"Invalid port {p}: it must be between 1024 and 65535."));
            RuleFor(c => c.Tags).CacheTags();
        }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.ReplicationGroupId!.ToLowerInvariant();
            if (await store.FindAsync(CacheResources.Service, CacheResources.ReplicationGroupKind, id, cancellationToken) is not null)
                throw ElastiCacheErrors.ReplicationGroupAlreadyExists(id);
            var arn = _caches.Arn(CacheResources.ReplicationGroupKind, id);

            ServiceResource? primary = null;
            CacheClusterDocument? primaryDoc = null;
            if (command.PrimaryClusterId is { } primaryId)
            {
                primary = await store.FindAsync(CacheResources.Service, CacheResources.ClusterKind, primaryId.ToLowerInvariant(), cancellationToken)
                    ?? throw ElastiCacheErrors.CacheClusterNotFound(primaryId);
                primaryDoc = ServiceResourceStore.Read<CacheClusterDocument>(primary);
                if (primaryDoc.ReplicationGroupId is not null || CacheResources.IsMemcached(primaryDoc.Engine))
                    throw ElastiCacheErrors.InvalidCacheClusterState($"Cache cluster {primary.Name} cannot be the primary of a new replication group: it is a Memcached cluster or already in a replication group.");
            }

            var engine = primaryDoc?.Engine ?? command.EngineName;
            var group = await _caches.SubnetGroupAsync(primaryDoc?.CacheSubnetGroupName ?? command.CacheSubnetGroupName, cancellationToken);
            var groups = await _caches.GroupsAsync(primaryDoc?.SecurityGroupIds ?? command.SecurityGroupIds, group.VpcId, cancellationToken);
            var template = new CacheClusterDocument
            {
                Engine = engine, EngineVersion = primaryDoc?.EngineVersion ?? command.EngineVersion ?? CacheResources.DefaultEngineVersion(engine),
                CacheNodeType = primaryDoc?.CacheNodeType ?? command.CacheNodeType!, Port = primaryDoc?.Port ?? command.Port ?? CacheResources.DefaultPort(engine),
                CacheSubnetGroupName = group.Name, SecurityGroupIds = [], Nodes = [], AzMode = "single-az", ReplicationGroupId = id,
                CacheParameterGroupName = command.CacheParameterGroupName, SnapshotWindow = command.SnapshotWindow ?? "06:30-07:30",
                SnapshotRetentionLimit = command.SnapshotRetentionLimit ?? 0, TransitEncryptionEnabled = command.TransitEncryptionEnabled ?? false,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow ?? "sun:05:00-sun:06:00", NetworkType = command.NetworkType ?? "ipv4",
            };

            var members = new List<string>();
            if (primary is not null)
            {
                ServiceResourceStore.Write(primary, primaryDoc! with { ReplicationGroupId = id });
                primary.ParentArn = arn;
                members.Add(primary.Name);
            }
            var zones = command.PreferredCacheClusterAZs ?? [];
            var placement = CacheResources.Place(group, command.Clusters, 0, "cross-az", zones);
            for (var i = members.Count; i < command.Clusters; i++)
            {
                var memberId = $"{id}-{i + 1:D3}";
                if (await store.FindAsync(CacheResources.Service, CacheResources.ClusterKind, memberId, cancellationToken) is not null)
                    throw ElastiCacheErrors.CacheClusterAlreadyExists(memberId);
                await _caches.AddClusterAsync(memberId, template, group, groups, [placement[i]], arn, cancellationToken);
                members.Add(memberId);
            }

            var document = new ReplicationGroupDocument
            {
                Description = command.ReplicationGroupDescription ?? "", Engine = engine, EngineVersion = template.EngineVersion,
                CacheNodeType = template.CacheNodeType, Port = template.Port, CacheSubnetGroupName = group.Name,
                SecurityGroupIds = groups.Select(g => g.Id).ToList(), MemberClusters = members, PrimaryClusterId = members[0],
                AutomaticFailover = command.AutomaticFailoverEnabled ?? false, MultiAz = command.MultiAZEnabled ?? false,
                AtRestEncryptionEnabled = command.AtRestEncryptionEnabled ?? false, TransitEncryptionEnabled = template.TransitEncryptionEnabled,
                CacheParameterGroupName = command.CacheParameterGroupName, PreferredMaintenanceWindow = template.PreferredMaintenanceWindow,
                SnapshotWindow = template.SnapshotWindow!, SnapshotRetentionLimit = template.SnapshotRetentionLimit ?? 0,
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? true, NetworkType = template.NetworkType, Tags = CacheResources.Tags(command.Tags),
            };
            var row = store.Add(CacheResources.Service, CacheResources.ReplicationGroupKind, id, arn, document, vpcId: group.VpcId);
            var memberRows = db.ServiceResources.Local.Where(r => r.ParentArn == arn).ToList();
            return new Result(CacheViews.ReplicationGroup(_caches, row, memberRows, CacheResources.Creating));
        }, cancellationToken);
    }
}

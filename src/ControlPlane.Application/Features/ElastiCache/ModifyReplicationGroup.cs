using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Changes a replication group. <c>SecurityGroupIds</c> (groups of the group's VPC) move the interfaces of every member's
/// nodes; <c>PrimaryClusterId</c> promotes a member; failover, Multi-AZ, description and maintenance settings are kept.
/// Changes apply at once; the answer shows <c>modifying</c>, Describe <c>available</c>.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ModifyReplicationGroup.html
/// </summary>
[AwsService("elasticache")]
public static class ModifyReplicationGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? ReplicationGroupId { get; init; }
        public string? ReplicationGroupDescription { get; init; }
        public string? PrimaryClusterId { get; init; }
        public bool? AutomaticFailoverEnabled { get; init; }
        public bool? MultiAZEnabled { get; init; }
        public IReadOnlyList<string>? CacheSecurityGroupNames { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? CacheParameterGroupName { get; init; }
        public bool? ApplyImmediately { get; init; }
        public string? EngineVersion { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public int? SnapshotRetentionLimit { get; init; }
        public string? SnapshotWindow { get; init; }
        public string? CacheNodeType { get; init; }
    }

    public sealed record Result(ReplicationGroupShape ReplicationGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.CacheSecurityGroupNames).Must(n => n is not { Count: > 0 }).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterCombination("Use of cache security groups is not permitted along with cache subnet group and/or security group Ids."));
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.ReplicationGroupId!.ToLowerInvariant();
            var row = await store.FindAsync(CacheResources.Service, CacheResources.ReplicationGroupKind, id, cancellationToken)
                ?? throw ElastiCacheErrors.ReplicationGroupNotFound(id);
            var doc = ServiceResourceStore.Read<ReplicationGroupDocument>(row);
            var members = await store.ChildrenAsync(row.Arn, cancellationToken);
            if (command.SecurityGroupIds is { Count: > 0 } ids)
            {
                var groups = await _caches.GroupsAsync(ids, row.VpcId!, cancellationToken);
                var groupIds = groups.Select(g => g.Id).ToList();
                foreach (var member in members)
                {
                    await network.SetGroupsAsync(member.Arn, groups, cancellationToken);
                    ServiceResourceStore.Write(member, ServiceResourceStore.Read<CacheClusterDocument>(member) with { SecurityGroupIds = groupIds });
                }
                doc = doc with { SecurityGroupIds = groupIds };
            }
            if (command.PrimaryClusterId is { } primary && !doc.MemberClusters.Contains(primary.ToLowerInvariant()))
                throw ElastiCacheErrors.InvalidParameterValue($"Cache cluster {primary} is not a member of replication group {id}.");
            var failover = command.AutomaticFailoverEnabled ?? doc.AutomaticFailover;
            var multiAz = command.MultiAZEnabled ?? doc.MultiAz;
            if (failover && doc.MemberClusters.Count < 2)
                throw ElastiCacheErrors.InvalidParameterCombination("Automatic failover needs at least one read replica.");
            if (multiAz && !failover) throw ElastiCacheErrors.InvalidParameterCombination("Multi-AZ can only be enabled together with automatic failover.");
            doc = doc with
            {
                Description = command.ReplicationGroupDescription ?? doc.Description,
                PrimaryClusterId = command.PrimaryClusterId?.ToLowerInvariant() ?? doc.PrimaryClusterId,
                AutomaticFailover = failover,
                MultiAz = multiAz,
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow ?? doc.PreferredMaintenanceWindow,
                CacheParameterGroupName = command.CacheParameterGroupName ?? doc.CacheParameterGroupName,
                EngineVersion = command.EngineVersion ?? doc.EngineVersion,
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? doc.AutoMinorVersionUpgrade,
                SnapshotRetentionLimit = command.SnapshotRetentionLimit ?? doc.SnapshotRetentionLimit,
                SnapshotWindow = command.SnapshotWindow ?? doc.SnapshotWindow,
                CacheNodeType = command.CacheNodeType ?? doc.CacheNodeType,
            };
            ServiceResourceStore.Write(row, doc);
            return new Result(CacheViews.ReplicationGroup(_caches, row, members, CacheResources.Modifying));
        }, cancellationToken);
    }
}

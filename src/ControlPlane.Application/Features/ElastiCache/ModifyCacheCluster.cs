using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Changes a cache cluster. <c>SecurityGroupIds</c> (groups of the cluster's VPC) move every node's interface to those
/// groups; a replication group member's groups change through ModifyReplicationGroup. <c>NumCacheNodes</c> adds
/// Memcached nodes (with interfaces, in the cluster's zone or round robin for cross-az) or removes the nodes named in
/// <c>CacheNodeIdsToRemove</c>; Redis and Valkey clusters keep one node. Changes apply at once whatever
/// <c>ApplyImmediately</c> says; the answer shows <c>modifying</c>, Describe <c>available</c>.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ModifyCacheCluster.html
/// </summary>
[AwsService("elasticache")]
public static class ModifyCacheCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheClusterId { get; init; }
        public int? NumCacheNodes { get; init; }
        public IReadOnlyList<string>? CacheNodeIdsToRemove { get; init; }
        public string? AZMode { get; init; }
        public IReadOnlyList<string>? NewAvailabilityZones { get; init; }
        public IReadOnlyList<string>? CacheSecurityGroupNames { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public string? PreferredMaintenanceWindow { get; init; }
        public string? NotificationTopicArn { get; init; }
        public string? CacheParameterGroupName { get; init; }
        public bool? ApplyImmediately { get; init; }
        public string? EngineVersion { get; init; }
        public bool? AutoMinorVersionUpgrade { get; init; }
        public int? SnapshotRetentionLimit { get; init; }
        public string? SnapshotWindow { get; init; }
        public string? CacheNodeType { get; init; }
    }

    public sealed record Result(CacheClusterShape CacheCluster);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CacheSecurityGroupNames).Must(n => n is not { Count: > 0 }).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterCombination("Use of cache security groups is not permitted along with cache subnet group and/or security group Ids."));
            RuleFor(c => c.NumCacheNodes).Must(n => n is null or >= 1 and <= 40)
                .WithAwsError((_, n) => ElastiCacheErrors.InvalidParameterValue($"Invalid value {n} for NumCacheNodes: it must be between 1 and 40."));
        }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.CacheClusterId!.ToLowerInvariant();
            var row = await store.FindAsync(CacheResources.Service, CacheResources.ClusterKind, id, cancellationToken)
                ?? throw ElastiCacheErrors.CacheClusterNotFound(id);
            var doc = ServiceResourceStore.Read<CacheClusterDocument>(row);
            if (command.SecurityGroupIds is { Count: > 0 } ids)
            {
                if (doc.ReplicationGroupId is { } rg)
                    throw ElastiCacheErrors.InvalidParameterCombination($"Cache cluster {id} is a member of replication group {rg}: change its security groups with ModifyReplicationGroup.");
                var groups = await _caches.GroupsAsync(ids, row.VpcId!, cancellationToken);
                await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
                doc = doc with { SecurityGroupIds = groups.Select(g => g.Id).ToList() };
            }
            if (command.NumCacheNodes is { } count && count != doc.Nodes.Count)
            {
                doc = doc with { Nodes = await ResizeAsync(row, doc, count, command, cancellationToken) };
            }
            doc = doc with
            {
                PreferredMaintenanceWindow = command.PreferredMaintenanceWindow ?? doc.PreferredMaintenanceWindow,
                NotificationTopicArn = command.NotificationTopicArn ?? doc.NotificationTopicArn,
                CacheParameterGroupName = command.CacheParameterGroupName ?? doc.CacheParameterGroupName,
                EngineVersion = command.EngineVersion ?? doc.EngineVersion,
                AutoMinorVersionUpgrade = command.AutoMinorVersionUpgrade ?? doc.AutoMinorVersionUpgrade,
                SnapshotRetentionLimit = command.SnapshotRetentionLimit ?? doc.SnapshotRetentionLimit,
                SnapshotWindow = command.SnapshotWindow ?? doc.SnapshotWindow,
                CacheNodeType = command.CacheNodeType ?? doc.CacheNodeType,
            };
            ServiceResourceStore.Write(row, doc);
            return new Result(CacheViews.Cluster(_caches, row, showNodes: false, CacheResources.Modifying));
        }, cancellationToken);

        private async Task<IReadOnlyList<CacheNodeDocument>> ResizeAsync(Domain.Model.ServiceResource row, CacheClusterDocument doc, int count, Command command,
            CancellationToken cancellationToken)
        {
            if (!CacheResources.IsMemcached(doc.Engine))
                throw ElastiCacheErrors.InvalidParameterValue("NumCacheNodes can only be changed for Memcached clusters; a Redis or Valkey cluster has one node.");
            if (count > doc.Nodes.Count)
            {
                var group = await _caches.SubnetGroupAsync(doc.CacheSubnetGroupName, cancellationToken);
                var groups = await _caches.GroupsAsync(doc.SecurityGroupIds, row.VpcId!, cancellationToken);
                var zones = command.NewAvailabilityZones ?? (doc.AzMode == "cross-az" ? [] : [doc.Nodes[0].AvailabilityZone]);
                var placement = CacheResources.Place(group, count - doc.Nodes.Count, doc.Nodes.Count, command.AZMode ?? doc.AzMode, zones);
                return await _caches.AddNodesAsync(row.Arn, row.Name, doc.Nodes, placement, groups, cancellationToken);
            }
            var remove = command.CacheNodeIdsToRemove ?? [];
            if (remove.Count != doc.Nodes.Count - count)
                throw ElastiCacheErrors.InvalidParameterValue($"The number of nodes to remove ({remove.Count}) must equal the reduction in NumCacheNodes ({doc.Nodes.Count - count}).");
            if (remove.FirstOrDefault(r => doc.Nodes.All(n => n.CacheNodeId != r)) is { } unknown)
                throw ElastiCacheErrors.InvalidParameterValue($"Cache node {unknown} does not belong to cache cluster {row.Name}.");
            foreach (var node in doc.Nodes.Where(n => remove.Contains(n.CacheNodeId))) await network.RemoveInterfaceAsync(node.NetworkInterfaceId, cancellationToken);
            return doc.Nodes.Where(n => !remove.Contains(n.CacheNodeId)).ToList();
        }
    }
}

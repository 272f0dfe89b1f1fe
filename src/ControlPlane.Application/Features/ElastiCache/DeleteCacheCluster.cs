using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Deletes a cache cluster and its nodes' interfaces. A read replica leaves its replication group; the group's primary
/// cannot be deleted this way (<c>InvalidCacheClusterState</c>: delete the replication group). Final snapshots are not
/// kept. The answer shows <c>deleting</c>; the cluster is gone from Describe at once.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DeleteCacheCluster.html
/// </summary>
[AwsService("elasticache")]
public static class DeleteCacheCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheClusterId { get; init; }
        public string? FinalSnapshotIdentifier { get; init; }
    }

    public sealed record Result(CacheClusterShape CacheCluster);

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.CacheClusterId!.ToLowerInvariant();
            var row = await store.FindAsync(CacheResources.Service, CacheResources.ClusterKind, id, cancellationToken)
                ?? throw ElastiCacheErrors.CacheClusterNotFound(id);
            var doc = ServiceResourceStore.Read<CacheClusterDocument>(row);
            if (doc.ReplicationGroupId is { } groupId
                && await store.FindAsync(CacheResources.Service, CacheResources.ReplicationGroupKind, groupId, cancellationToken) is { } groupRow)
            {
                var group = ServiceResourceStore.Read<ReplicationGroupDocument>(groupRow);
                if (group.PrimaryClusterId == id)
                    throw ElastiCacheErrors.InvalidCacheClusterState($"Cannot delete the primary cluster {id} of replication group {groupId}; delete the replication group instead.");
                ServiceResourceStore.Write(groupRow, group with { MemberClusters = group.MemberClusters.Where(m => m != id).ToList() });
            }
            var answer = CacheViews.Cluster(_caches, row, showNodes: false, CacheResources.Deleting);
            await _caches.RemoveClusterAsync(row, cancellationToken);
            return new Result(answer);
        }, cancellationToken);
    }
}

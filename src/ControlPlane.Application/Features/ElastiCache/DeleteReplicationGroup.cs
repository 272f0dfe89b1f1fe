using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Deletes a replication group with its member clusters and their interfaces; with <c>RetainPrimaryCluster</c> the primary
/// stays as a standalone cluster. Final snapshots are not kept. The answer shows <c>deleting</c>.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DeleteReplicationGroup.html
/// </summary>
[AwsService("elasticache")]
public static class DeleteReplicationGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? ReplicationGroupId { get; init; }
        public bool? RetainPrimaryCluster { get; init; }
        public string? FinalSnapshotIdentifier { get; init; }
    }

    public sealed record Result(ReplicationGroupShape ReplicationGroup);

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
            var answer = CacheViews.ReplicationGroup(_caches, row, members, CacheResources.Deleting);
            foreach (var member in members)
            {
                if (command.RetainPrimaryCluster == true && member.Name == doc.PrimaryClusterId)
                {
                    member.ParentArn = null;
                    ServiceResourceStore.Write(member, ServiceResourceStore.Read<CacheClusterDocument>(member) with { ReplicationGroupId = null });
                    continue;
                }
                await _caches.RemoveClusterAsync(member, cancellationToken);
            }
            store.Remove(row);
            return new Result(answer);
        }, cancellationToken);
    }
}

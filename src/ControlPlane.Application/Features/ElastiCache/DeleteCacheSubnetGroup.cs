using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Deletes a cache subnet group that no cache cluster or replication group uses (<c>CacheSubnetGroupInUse</c> otherwise).
/// The implicit <c>default</c> group cannot be deleted.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DeleteCacheSubnetGroup.html
/// </summary>
[AwsService("elasticache")]
public static class DeleteCacheSubnetGroup
{
    public sealed record Command : ICommand<Empty>
    {
        public string? CacheSubnetGroupName { get; init; }
    }

    public sealed class Handler(ServiceResourceStore store, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.CacheSubnetGroupName!.ToLowerInvariant();
            var row = await store.FindAsync(CacheResources.Service, CacheResources.SubnetGroupKind, name, cancellationToken);
            if (row is null && name == CacheResources.DefaultSubnetGroup)
                throw ElastiCacheErrors.InvalidParameterValue("The default cache subnet group cannot be deleted.");
            if (row is null) throw ElastiCacheErrors.CacheSubnetGroupNotFound(name);
            var clusters = (await store.ListAsync(CacheResources.Service, CacheResources.ClusterKind, cancellationToken))
                .Select(ServiceResourceStore.Read<CacheClusterDocument>);
            if (clusters.Any(c => c.CacheSubnetGroupName == name)) throw ElastiCacheErrors.CacheSubnetGroupInUse(name);
            store.Remove(row);
            return Empty.Instance;
        }, cancellationToken);
    }
}

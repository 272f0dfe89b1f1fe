using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Deletes a serverless cache and its interfaces. Final snapshots are not kept. The answer shows <c>deleting</c>.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DeleteServerlessCache.html
/// </summary>
[AwsService("elasticache")]
public static class DeleteServerlessCache
{
    public sealed record Command : ICommand<Result>
    {
        public string? ServerlessCacheName { get; init; }
        public string? FinalSnapshotName { get; init; }
    }

    public sealed record Result(ServerlessCacheShape ServerlessCache);

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.ServerlessCacheName!.ToLowerInvariant();
            var row = await store.FindAsync(CacheResources.Service, CacheResources.ServerlessKind, name, cancellationToken)
                ?? throw ElastiCacheErrors.ServerlessCacheNotFound(name);
            var answer = CacheViews.Serverless(_caches, row, CacheResources.Deleting);
            await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
            store.Remove(row);
            return new Result(answer);
        }, cancellationToken);
    }
}

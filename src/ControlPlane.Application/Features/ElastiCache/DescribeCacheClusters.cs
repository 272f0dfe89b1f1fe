using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Lists cache clusters (replication group members included unless <c>ShowCacheClustersNotInReplicationGroups</c>), or one
/// by id (<c>CacheClusterNotFound</c>), with Marker/MaxRecords paging. <c>ShowCacheNodeInfo</c> adds each node with its
/// endpoint; Memcached clusters always show their configuration endpoint.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeCacheClusters.html
/// </summary>
[AwsService("elasticache")]
public static class DescribeCacheClusters
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheClusterId { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
        public bool? ShowCacheNodeInfo { get; init; }
        public bool? ShowCacheClustersNotInReplicationGroups { get; init; }
    }

    public sealed record Result(string? Marker, IReadOnlyList<CacheClusterShape> CacheClusters);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MaxRecords).MaxRecords();
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var showNodes = command.ShowCacheNodeInfo ?? false;
            if (command.CacheClusterId is { } id)
            {
                var row = await store.FindAsync(CacheResources.Service, CacheResources.ClusterKind, id.ToLowerInvariant(), cancellationToken)
                    ?? throw ElastiCacheErrors.CacheClusterNotFound(id);
                return new Result(null, [CacheViews.Cluster(_caches, row, showNodes)]);
            }
            var rows = await store.ListAsync(CacheResources.Service, CacheResources.ClusterKind, cancellationToken);
            if (command.ShowCacheClustersNotInReplicationGroups == true) rows = rows.Where(r => r.ParentArn is null).ToList();
            var (page, marker) = CacheResources.Page(rows, command.Marker, command.MaxRecords);
            return new Result(marker, page.Select(r => CacheViews.Cluster(_caches, r, showNodes)).ToList());
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// The tags of a cluster, replication group, serverless cache or subnet group by ARN (<c>InvalidARN</c> for a malformed
/// one; the kind's not-found error for a missing one).
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ListTagsForResource.html
/// </summary>
[AwsService("elasticache")]
public static class ListTagsForResource
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceName { get; init; }
    }

    public sealed record Result(IReadOnlyList<TagShape> TagList);

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            new(CacheTags.Shapes(CacheTags.Read(await _caches.TaggableAsync(command.ResourceName!, cancellationToken))));
    }
}

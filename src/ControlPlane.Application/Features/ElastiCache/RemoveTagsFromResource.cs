using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Removes tags by key from a cluster, replication group, serverless cache or subnet group by ARN (<c>TagNotFound</c> for
/// a key the resource does not have); answers the tags that remain.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_RemoveTagsFromResource.html
/// </summary>
[AwsService("elasticache")]
public static class RemoveTagsFromResource
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceName { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
    }

    public sealed record Result(IReadOnlyList<TagShape> TagList);

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await _caches.TaggableAsync(command.ResourceName!, cancellationToken);
            var tags = CacheTags.Read(row);
            var keys = command.TagKeys ?? [];
            if (keys.FirstOrDefault(k => tags.All(t => t.Key != k)) is { } missing) throw ElastiCacheErrors.TagNotFound(missing);
            var remaining = tags.Where(t => !keys.Contains(t.Key)).ToList();
            CacheTags.Write(row, remaining);
            return new Result(CacheTags.Shapes(remaining));
        }, cancellationToken);
    }
}

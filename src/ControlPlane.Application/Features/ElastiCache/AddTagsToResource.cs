using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Adds or overwrites tags on a cluster, replication group, serverless cache or subnet group by ARN; answers the resource's
/// tags afterwards (<c>TagQuotaPerResourceExceeded</c> above 50).
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_AddTagsToResource.html
/// </summary>
[AwsService("elasticache")]
public static class AddTagsToResource
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceName { get; init; }
        public IReadOnlyList<TagShape>? Tags { get; init; }
    }

    public sealed record Result(IReadOnlyList<TagShape> TagList);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Tags).CacheTags();
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await _caches.TaggableAsync(command.ResourceName!, cancellationToken);
            var tags = CacheTags.Merge(CacheTags.Read(row), command.Tags ?? []);
            CacheTags.Write(row, tags);
            return new Result(CacheTags.Shapes(tags));
        }, cancellationToken);
    }
}

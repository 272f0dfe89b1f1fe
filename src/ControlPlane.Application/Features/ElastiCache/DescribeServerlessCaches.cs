using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Lists serverless caches, or one by name (<c>ServerlessCacheNotFoundFault</c>), with NextToken/MaxResults paging (1-100).
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeServerlessCaches.html
/// </summary>
[AwsService("elasticache")]
public static class DescribeServerlessCaches
{
    public sealed record Command : ICommand<Result>
    {
        public string? ServerlessCacheName { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(string? NextToken, IReadOnlyList<ServerlessCacheShape> ServerlessCaches);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.MaxResults).Must(n => n is null or >= 1 and <= 100)
                .WithAwsError((_, n) => ElastiCacheErrors.InvalidParameterValue($"Value {n} for parameter MaxResults is invalid. It must be between 1 and 100."));
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.ServerlessCacheName is { } name)
            {
                var row = await store.FindAsync(CacheResources.Service, CacheResources.ServerlessKind, name.ToLowerInvariant(), cancellationToken)
                    ?? throw ElastiCacheErrors.ServerlessCacheNotFound(name);
                return new Result(null, [CacheViews.Serverless(_caches, row)]);
            }
            var rows = await store.ListAsync(CacheResources.Service, CacheResources.ServerlessKind, cancellationToken);
            var (page, next) = CacheResources.Page(rows, command.NextToken, command.MaxResults);
            return new Result(next, page.Select(r => CacheViews.Serverless(_caches, r)).ToList());
        }
    }
}

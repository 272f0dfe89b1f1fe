using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Lists replication groups, or one by id (<c>ReplicationGroupNotFoundFault</c>), with Marker/MaxRecords paging; each with
/// its node group's primary and reader endpoints and every member's role and read endpoint.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeReplicationGroups.html
/// </summary>
[AwsService("elasticache")]
public static class DescribeReplicationGroups
{
    public sealed record Command : ICommand<Result>
    {
        public string? ReplicationGroupId { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
    }

    public sealed record Result(string? Marker, IReadOnlyList<ReplicationGroupShape> ReplicationGroups);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MaxRecords).MaxRecords();
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.ReplicationGroupId is { } id)
            {
                var row = await store.FindAsync(CacheResources.Service, CacheResources.ReplicationGroupKind, id.ToLowerInvariant(), cancellationToken)
                    ?? throw ElastiCacheErrors.ReplicationGroupNotFound(id);
                return new Result(null, [CacheViews.ReplicationGroup(_caches, row, await store.ChildrenAsync(row.Arn, cancellationToken))]);
            }
            var rows = await store.ListAsync(CacheResources.Service, CacheResources.ReplicationGroupKind, cancellationToken);
            var (page, marker) = CacheResources.Page(rows, command.Marker, command.MaxRecords);
            var shapes = new List<ReplicationGroupShape>();
            foreach (var row in page) shapes.Add(CacheViews.ReplicationGroup(_caches, row, await store.ChildrenAsync(row.Arn, cancellationToken)));
            return new Result(marker, shapes);
        }
    }
}

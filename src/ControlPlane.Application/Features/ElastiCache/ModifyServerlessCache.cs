using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Changes a serverless cache: <c>SecurityGroupIds</c> (groups of its VPC) move every one of its interfaces; description
/// and snapshot settings are kept. The answer shows <c>modifying</c>, Describe <c>available</c>.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ModifyServerlessCache.html
/// </summary>
[AwsService("elasticache")]
public static class ModifyServerlessCache
{
    public sealed record Command : ICommand<Result>
    {
        public string? ServerlessCacheName { get; init; }
        public string? Description { get; init; }
        public bool? RemoveUserGroup { get; init; }
        public string? UserGroupId { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public int? SnapshotRetentionLimit { get; init; }
        public string? DailySnapshotTime { get; init; }
        public string? Engine { get; init; }
        public string? MajorEngineVersion { get; init; }
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
            var doc = ServiceResourceStore.Read<ServerlessCacheDocument>(row);
            if (command.SecurityGroupIds is { Count: > 0 } ids)
            {
                var groups = await _caches.GroupsAsync(ids, row.VpcId!, cancellationToken);
                await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
                doc = doc with { SecurityGroupIds = groups.Select(g => g.Id).ToList() };
            }
            doc = doc with
            {
                Description = command.Description ?? doc.Description,
                UserGroupId = command.RemoveUserGroup == true ? null : command.UserGroupId ?? doc.UserGroupId,
                SnapshotRetentionLimit = command.SnapshotRetentionLimit ?? doc.SnapshotRetentionLimit,
                DailySnapshotTime = command.DailySnapshotTime ?? doc.DailySnapshotTime,
            };
            ServiceResourceStore.Write(row, doc);
            return new Result(CacheViews.Serverless(_caches, row, CacheResources.Modifying));
        }, cancellationToken);
    }
}

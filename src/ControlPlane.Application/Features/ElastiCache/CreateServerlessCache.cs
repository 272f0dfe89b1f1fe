using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Creates a serverless cache reached through one interface per subnet named in <c>SubnetIds</c> (all of one VPC; none
/// named = two default subnets of the default VPC), guarded by <c>SecurityGroupIds</c> (none = the VPC's default group).
/// Its endpoint is <c>&lt;name&gt;-&lt;token&gt;.serverless.&lt;region&gt;.cache.amazonaws.com</c> on 6379 (Memcached 11211) and
/// the reader endpoint the same host on the next port. The answer shows <c>creating</c>, Describe <c>available</c>.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateServerlessCache.html
/// </summary>
[AwsService("elasticache")]
public static class CreateServerlessCache
{
    public sealed record Command : ICommand<Result>
    {
        public string? ServerlessCacheName { get; init; }
        public string? Description { get; init; }
        public string? Engine { get; init; }
        public string? MajorEngineVersion { get; init; }
        public string? KmsKeyId { get; init; }
        public IReadOnlyList<string>? SecurityGroupIds { get; init; }
        public IReadOnlyList<string>? SnapshotArnsToRestore { get; init; }
        public IReadOnlyList<TagShape>? Tags { get; init; }
        public string? UserGroupId { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public int? SnapshotRetentionLimit { get; init; }
        public string? DailySnapshotTime { get; init; }
    }

    public sealed record Result(ServerlessCacheShape ServerlessCache);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ServerlessCacheName).CacheIdentifier("ServerlessCacheName", 40);
            RuleFor(c => c.Engine).CacheEngine();
            RuleFor(c => c.SnapshotArnsToRestore).Must(a => a is not { Count: > 0 }).WithAwsError((_, _) =>
                ElastiCacheErrors.InvalidParameterValue("Restoring a serverless cache from snapshots is not supported by ControlPlane."));
            RuleFor(c => c.Tags).CacheTags();
        }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.ServerlessCacheName!.ToLowerInvariant();
            if (await store.FindAsync(CacheResources.Service, CacheResources.ServerlessKind, name, cancellationToken) is not null)
                throw ElastiCacheErrors.ServerlessCacheAlreadyExists(name);
            var engine = command.Engine!.ToLowerInvariant();
            var subnetIds = command.SubnetIds is { Count: > 0 } named
                ? named
                : (await _caches.DefaultSubnetGroupAsync(cancellationToken))?.Subnets.Take(2).Select(s => s.SubnetId).ToList()
                  ?? throw ElastiCacheErrors.InvalidParameterValue("No SubnetIds were given and the region has no default VPC.");
            var subnets = await network.SubnetsAsync(subnetIds, id => ElastiCacheErrors.InvalidParameterValue($"The subnet ID {id} does not exist"),
                () => ElastiCacheErrors.InvalidParameterValue("All the subnets of a serverless cache must belong to the same VPC."), cancellationToken);
            var vpcId = subnets[0].VpcId;
            var groups = await _caches.GroupsAsync(command.SecurityGroupIds, vpcId, cancellationToken);
            var arn = _caches.Arn(CacheResources.ServerlessKind, name);
            foreach (var subnet in subnets)
            {
                await network.AddInterfaceAsync(arn, CacheResources.Spec($"ElastiCache Serverless {name}"), subnet, groups, cancellationToken);
            }
            var (major, full) = engine switch
            {
                "memcached" => (command.MajorEngineVersion ?? "1.6", "1.6.22"),
                "valkey" => (command.MajorEngineVersion ?? "8", "8.0"),
                _ => (command.MajorEngineVersion ?? "7", "7.1"),
            };
            var document = new ServerlessCacheDocument
            {
                Description = command.Description, Engine = engine, MajorEngineVersion = major, FullEngineVersion = full,
                SecurityGroupIds = groups.Select(g => g.Id).ToList(), SubnetIds = subnets.Select(s => s.Id).ToList(),
                DailySnapshotTime = command.DailySnapshotTime, SnapshotRetentionLimit = command.SnapshotRetentionLimit, KmsKeyId = command.KmsKeyId,
                UserGroupId = command.UserGroupId, Tags = CacheResources.Tags(command.Tags),
            };
            var row = store.Add(CacheResources.Service, CacheResources.ServerlessKind, name, arn, document, vpcId: vpcId);
            return new Result(CacheViews.Serverless(_caches, row, CacheResources.Creating));
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Changes a cache subnet group's description or subnets. The new subnets must exist and stay in the group's VPC; a
/// subnet that still holds a cache node cannot be removed (<c>SubnetInUse</c>).
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ModifyCacheSubnetGroup.html
/// </summary>
[AwsService("elasticache")]
public static class ModifyCacheSubnetGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheSubnetGroupName { get; init; }
        public string? CacheSubnetGroupDescription { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
    }

    public sealed record Result(CacheSubnetGroupShape CacheSubnetGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.SubnetIds).Must(ids => ids is null || ids.Count > 0).WithAwsError((_, _) => ElastiCacheErrors.MissingParameter("SubnetIds"));
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.CacheSubnetGroupName!.ToLowerInvariant();
            var row = await store.FindAsync(CacheResources.Service, CacheResources.SubnetGroupKind, name, cancellationToken)
                ?? throw ElastiCacheErrors.CacheSubnetGroupNotFound(name);
            var document = ServiceResourceStore.Read<CacheSubnetGroupDocument>(row);
            var subnets = document.Subnets;
            if (command.SubnetIds is { } ids)
            {
                var found = await _caches.SubnetsAsync(ids, cancellationToken);
                if (found[0].VpcId != row.VpcId) throw ElastiCacheErrors.SubnetsInDifferentVpcs();
                var used = (await store.ListAsync(CacheResources.Service, CacheResources.ClusterKind, cancellationToken))
                    .Select(ServiceResourceStore.Read<CacheClusterDocument>).Where(c => c.CacheSubnetGroupName == name)
                    .SelectMany(c => c.Nodes).Select(n => n.SubnetId).ToHashSet();
                if (subnets.FirstOrDefault(s => used.Contains(s.SubnetId) && !ids.Contains(s.SubnetId)) is { } removed)
                    throw ElastiCacheErrors.SubnetInUse(removed.SubnetId);
                subnets = found.Select(s => new CacheSubnetDocument(s.Id, s.AvailabilityZone)).ToList();
            }
            document = document with { Description = command.CacheSubnetGroupDescription ?? document.Description, Subnets = subnets };
            ServiceResourceStore.Write(row, document);
            return new Result(CacheViews.SubnetGroup(_caches, new CacheResources.SubnetGroup(name, row.VpcId!, subnets, row, document)));
        }, cancellationToken);
    }
}

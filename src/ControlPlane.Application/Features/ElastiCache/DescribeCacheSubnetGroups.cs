using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Lists cache subnet groups, or one by name (<c>CacheSubnetGroupNotFoundFault</c> if missing), with Marker/MaxRecords
/// paging. The <c>default</c> group of the default VPC is listed first while no user group has that name.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_DescribeCacheSubnetGroups.html
/// </summary>
[AwsService("elasticache")]
public static class DescribeCacheSubnetGroups
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheSubnetGroupName { get; init; }
        public string? Marker { get; init; }
        public int? MaxRecords { get; init; }
    }

    public sealed record Result(string? Marker, IReadOnlyList<CacheSubnetGroupShape> CacheSubnetGroups);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.MaxRecords).MaxRecords();
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.CacheSubnetGroupName is { } name)
            {
                return new Result(null, [CacheViews.SubnetGroup(_caches, await _caches.SubnetGroupAsync(name, cancellationToken))]);
            }
            var groups = new List<CacheResources.SubnetGroup>();
            var rows = await store.ListAsync(CacheResources.Service, CacheResources.SubnetGroupKind, cancellationToken);
            if (rows.All(r => r.Name != CacheResources.DefaultSubnetGroup) && await _caches.DefaultSubnetGroupAsync(cancellationToken) is { } implicitDefault)
            {
                groups.Add(implicitDefault);
            }
            groups.AddRange(rows.Select(r =>
            {
                var document = ServiceResourceStore.Read<CacheSubnetGroupDocument>(r);
                return new CacheResources.SubnetGroup(r.Name, r.VpcId!, document.Subnets, r, document);
            }));
            var size = command.MaxRecords ?? 100;
            var start = string.IsNullOrEmpty(command.Marker) ? 0 : groups.FindIndex(g => g.Name == command.Marker);
            if (start < 0) throw ElastiCacheErrors.InvalidParameterValue($"Invalid marker: {command.Marker}");
            var page = groups.Skip(start).Take(size).Select(g => CacheViews.SubnetGroup(_caches, g)).ToList();
            return new Result(start + size < groups.Count ? groups[start + size].Name : null, page);
        }
    }
}

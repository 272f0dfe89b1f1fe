using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// Creates a cache subnet group: subnets that must exist and share one VPC (<c>InvalidSubnet</c> otherwise). The name is
/// stored lowercase; <c>default</c> is the default VPC's group until a user creates one by that name.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheSubnetGroup.html
/// </summary>
[AwsService("elasticache")]
public static class CreateCacheSubnetGroup
{
    public sealed record Command : ICommand<Result>
    {
        public string? CacheSubnetGroupName { get; init; }
        public string? CacheSubnetGroupDescription { get; init; }
        public IReadOnlyList<string>? SubnetIds { get; init; }
        public IReadOnlyList<TagShape>? Tags { get; init; }
    }

    public sealed record Result(CacheSubnetGroupShape CacheSubnetGroup);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.CacheSubnetGroupName).Must(n => n is { Length: > 0 and <= 255 } && n.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
                .WithAwsError((_, n) => ElastiCacheErrors.InvalidParameterValue($"Invalid subnet group name: {n}. Subnet group names must contain only ASCII letters, digits and hyphens."));
            RuleFor(c => c.SubnetIds).Must(ids => ids is { Count: > 0 }).WithAwsError((_, _) => ElastiCacheErrors.MissingParameter("SubnetIds"));
            RuleFor(c => c.Tags).CacheTags();
        }
    }

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        private readonly CacheResources _caches = new(store, network, db);

        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.CacheSubnetGroupName!.ToLowerInvariant();
            if (await store.FindAsync(CacheResources.Service, CacheResources.SubnetGroupKind, name, cancellationToken) is not null)
                throw ElastiCacheErrors.CacheSubnetGroupAlreadyExists(name);
            var subnets = await _caches.SubnetsAsync(command.SubnetIds!, cancellationToken);
            var document = new CacheSubnetGroupDocument(command.CacheSubnetGroupDescription ?? "",
                subnets.Select(s => new CacheSubnetDocument(s.Id, s.AvailabilityZone)).ToList(), CacheResources.Tags(command.Tags));
            var row = store.Add(CacheResources.Service, CacheResources.SubnetGroupKind, name, _caches.Arn(CacheResources.SubnetGroupKind, name), document,
                vpcId: subnets[0].VpcId);
            return new Result(CacheViews.SubnetGroup(_caches, new CacheResources.SubnetGroup(name, row.VpcId!, document.Subnets, row, document)));
        }, cancellationToken);
    }
}

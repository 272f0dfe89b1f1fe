using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkAcls.html</summary>
public static class DescribeNetworkAcls
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? NetworkAclIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<Shapes.NetworkAcl> NetworkAcls, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = NetworkAclViews.Filters.Compile(command.Filters);
            var acls = await Ids.LoadAsync(db.NetworkAcls.AsNoTracking().Include(a => a.Entries).Include(a => a.Associations),
                command.NetworkAclIds, ResourceIds.NetworkAcl, Ec2Errors.NetworkAclIdMalformed, Ec2Errors.NetworkAclsNotFound, cancellationToken);
            var ipv6Vpcs = (await db.Vpcs.AsNoTracking().Where(v => v.CidrBlocks.Any(c => c.IsIpv6)).Select(v => v.Id).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            var tagsOf = await tags.LoadAllAsync(NetworkAclQueries.ResourceType, cancellationToken);
            var rows = acls.Select(a => NetworkAclViews.ToRow(a, ipv6Vpcs.Contains(a.VpcId), tagsOf(a.Id)));
            var page = Page.Take(rows.Where(match), r => r.Acl.Id, command);
            return new Result(page.Items.Select(NetworkAclViews.ToShape).ToList(), page.NextToken);
        }
    }
}

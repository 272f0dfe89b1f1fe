using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NatGateways;

/// <summary>
/// Lists NAT gateways by id, filters and pages (MaxResults 5-1000). A deleted gateway reads <c>deleted</c> for an
/// hour after its DeleteTime, then is gone; an id that is not there is NatGatewayNotFound (the SDK waiters retry on it).
/// The filter list is named <c>Filter</c> in this action's model, not <c>Filters</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNatGateways.html
/// </summary>
public static class DescribeNatGateways
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? NatGatewayIds { get; init; }
        public IReadOnlyList<Filter>? Filter { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<NatGatewayShape> NatGateways, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, TimeProvider clock) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = NatGatewayViews.Filters.Compile(command.Filter);
            var ids = command.NatGatewayIds;
            Ids.RequireWellFormed(ids, NatGatewayViews.IdPrefix, Ec2Errors.NatGatewayIdMalformed);
            var now = clock.GetUtcNow();
            var query = db.NatGateways.AsNoTracking();
            if (ids is { Count: > 0 }) query = query.Where(g => ids.Contains(g.Id));
            var gateways = (await query.ToListAsync(cancellationToken)).Where(g => NatGatewayViews.IsVisible(g, now)).ToList();
            Ids.RequireFound(ids, gateways.Select(g => g.Id), Ec2Errors.NatGatewaysNotFound);

            var allocations = gateways.Select(g => g.AllocationId).OfType<string>().ToList();
            var associations = await db.ElasticIps.AsNoTracking().Where(e => allocations.Contains(e.Id) && e.AssociationId != null)
                .Select(e => new { e.Id, e.AssociationId, e.NetworkInterfaceId }).ToListAsync(cancellationToken);
            var tagsOf = await tags.LoadAllAsync(NatGatewayViews.ResourceType, cancellationToken);
            var rows = gateways.Select(g => new NatGatewayViews.Row(g, tagsOf(g.Id),
                associations.FirstOrDefault(a => a.Id == g.AllocationId && a.NetworkInterfaceId == g.NetworkInterfaceId)?.AssociationId));
            var page = Page.Take(rows.Where(match), r => r.Gateway.Id, command);
            return new Result(page.Items.Select(r => NatGatewayViews.ToShape(r)).ToList(), page.NextToken);
        }
    }
}

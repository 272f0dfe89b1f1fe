using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.VpcPeering;

/// <summary>
/// Both sides see a connection (each with its own tags); nobody else does. Ended connections show for an hour.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeVpcPeeringConnections.html
/// </summary>
public static class DescribeVpcPeeringConnections
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? VpcPeeringConnectionIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<VpcPeeringConnectionViews.VpcPeeringConnectionShape> VpcPeeringConnections, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, RequestContext request, TagStore tags, TimeProvider time) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = VpcPeeringConnectionViews.Filters.Compile(command.Filters);
            var now = time.GetUtcNow();
            var requested = command.VpcPeeringConnectionIds;
            Ids.RequireWellFormed(requested, ResourceIds.VpcPeeringConnection, Ec2Errors.VpcPeeringConnectionIdMalformed);
            var query = db.VpcPeeringConnections.AsNoTracking().VisibleTo(request);
            if (requested is { Count: > 0 }) query = query.Where(p => requested.Contains(p.Id));
            var connections = (await query.ToListAsync(cancellationToken)).Where(p => p.IsVisibleAt(now)).ToList();
            Ids.RequireFound(requested, connections.Select(p => p.Id), Ec2Errors.VpcPeeringConnectionsNotFound);

            var vpcs = await db.LoadSideVpcsAsync(connections, cancellationToken);
            var tagsOf = await tags.LoadAsync(connections.Select(p => p.Id).ToList(), cancellationToken);
            var rows = connections.Select(p => VpcPeeringConnectionViews.ToRow(p, now, vpcs, tagsOf(p.Id))).Where(match);
            var page = Page.Take(rows, r => r.Connection.Id, command);
            return new Result(page.Items.Select(VpcPeeringConnectionViews.ToShape).ToList(), page.NextToken);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html</summary>
public static class DescribeRouteTables
{
    /// <summary>The model bounds this action's MaxResults to 5-100, not the usual 1000.</summary>
    public const int MaxPageSize = 100;

    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? RouteTableIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<RouteTableShape> RouteTables, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = RouteTableViews.Filters.Compile(command.Filters);
            var tables = await Ids.LoadAsync(db.RouteTables.AsNoTracking().Include(t => t.Routes).Include(t => t.Associations),
                command.RouteTableIds, ResourceIds.RouteTable, Ec2Errors.RouteTableIdMalformed, Ec2Errors.RouteTablesNotFound, cancellationToken);
            var vpcIds = tables.Select(t => t.VpcId).Distinct().ToList();
            var vpcs = await db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks).Where(v => vpcIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
            var targets = await RouteTargetState.LoadAsync(db, tables, cancellationToken);
            var tagsOf = await tags.LoadAllAsync(RouteTableViews.ResourceType, cancellationToken);
            var rows = tables.Select(t => RouteTableViews.ToRow(t, vpcs.GetValueOrDefault(t.VpcId), targets, tagsOf(t.Id)));
            var page = Page.Take(rows.Where(match), r => r.Table.Id, command, max: MaxPageSize);
            return new Result(page.Items.Select(RouteTableViews.ToShape).ToList(), page.NextToken);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.EgressOnlyInternetGateways;

/// <summary>
/// Lists egress-only internet gateways by id, tag filters and pages. Unlike the older Describe actions, an id that does
/// not exist is left out of the answer rather than failing it: Terraform's reader treats an empty answer as "gone" and
/// handles no NotFound code for this action, and other AWS clients treat both the same. A malformed id is refused.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeEgressOnlyInternetGateways.html
/// </summary>
public static class DescribeEgressOnlyInternetGateways
{
    /// <summary>The model bounds this action's MaxResults to 5-255.</summary>
    public const int MaxPageSize = 255;

    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? EgressOnlyInternetGatewayIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<EgressOnlyInternetGatewayShape> EgressOnlyInternetGateways, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = EgressOnlyInternetGatewayViews.Filters.Compile(command.Filters);
            var ids = command.EgressOnlyInternetGatewayIds;
            Ids.RequireWellFormed(ids, EgressOnlyInternetGatewayViews.IdPrefix, Ec2Errors.EgressOnlyInternetGatewayIdMalformed);
            var query = db.EgressOnlyInternetGateways.AsNoTracking();
            if (ids is { Count: > 0 }) query = query.Where(g => ids.Contains(g.Id));
            var gateways = await query.ToListAsync(cancellationToken);
            var tagsOf = await tags.LoadAllAsync(EgressOnlyInternetGatewayViews.ResourceType, cancellationToken);
            var rows = gateways.Select(g => new EgressOnlyInternetGatewayViews.Row(g, tagsOf(g.Id)));
            var page = Page.Take(rows.Where(match), r => r.Gateway.Id, command, max: MaxPageSize);
            return new Result(page.Items.Select(EgressOnlyInternetGatewayViews.ToShape).ToList(), page.NextToken);
        }
    }
}

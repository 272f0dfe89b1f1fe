using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInsightsPaths.html</summary>
public static class DescribeNetworkInsightsPaths
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? NetworkInsightsPathIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public bool? DryRun { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<NetworkInsightsPathShape> NetworkInsightsPaths, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, RequestContext request) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = NetworkInsightsViews.PathFilters.Compile(command.Filters);
            var paths = await Ids.LoadAsync(db.NetworkInsightsPaths.AsNoTracking(), command.NetworkInsightsPathIds, ResourceIds.NetworkInsightsPath,
                Ec2Errors.NetworkInsightsPathIdMalformed, Ec2Errors.NetworkInsightsPathsNotFound, cancellationToken);
            var tagsOf = await tags.LoadAllAsync(NetworkInsightsViews.PathResourceType, cancellationToken);
            var rows = paths.Select(p => new NetworkInsightsViews.PathRow(p, tagsOf(p.Id))).Where(match);
            var page = Page.Take(rows, r => r.Path.Id, command, NetworkInsightsViews.MinPageSize, NetworkInsightsViews.MaxPageSize);
            return new Result(page.Items.Select(r => NetworkInsightsViews.ToShape(r, request)).ToList(), page.NextToken);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>
/// Lists analyses by id, by path, by start time and by the filters <c>path-found</c> and <c>status</c>. Analyses finish
/// as they start, so AnalysisStartTime and AnalysisEndTime both bound the start date.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInsightsAnalyses.html
/// </summary>
public static class DescribeNetworkInsightsAnalyses
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? NetworkInsightsAnalysisIds { get; init; }
        public string? NetworkInsightsPathId { get; init; }
        public DateTimeOffset? AnalysisStartTime { get; init; }
        public DateTimeOffset? AnalysisEndTime { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public bool? DryRun { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<NetworkInsightsAnalysisShape> NetworkInsightsAnalyses, string? NextToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.NetworkInsightsPathId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.NetworkInsightsPath)).When(c => c.NetworkInsightsPathId is not null)
                .WithAwsError((_, id) => Ec2Errors.NetworkInsightsPathIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, RequestContext request) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = NetworkInsightsViews.AnalysisFilters.Compile(command.Filters);
            var query = db.NetworkInsightsAnalyses.AsNoTracking();
            if (command.NetworkInsightsPathId is { } pathId) query = query.Where(a => a.NetworkInsightsPathId == pathId);
            var analyses = await Ids.LoadAsync(query, command.NetworkInsightsAnalysisIds, ResourceIds.NetworkInsightsAnalysis,
                Ec2Errors.NetworkInsightsAnalysisIdMalformed, Ec2Errors.NetworkInsightsAnalysesNotFound, cancellationToken);
            var tagsOf = await tags.LoadAllAsync(NetworkInsightsViews.AnalysisResourceType, cancellationToken);
            var rows = analyses
                .Where(a => (command.AnalysisStartTime is not { } from || a.StartDate >= from) && (command.AnalysisEndTime is not { } to || a.StartDate <= to))
                .Select(a => new NetworkInsightsViews.AnalysisRow(a, tagsOf(a.Id))).Where(match);
            var page = Page.Take(rows, r => r.Analysis.Id, command, NetworkInsightsViews.MinPageSize, NetworkInsightsViews.MaxPageSize);
            return new Result(page.Items.Select(r => NetworkInsightsViews.ToShape(r, request)).ToList(), page.NextToken);
        }
    }
}

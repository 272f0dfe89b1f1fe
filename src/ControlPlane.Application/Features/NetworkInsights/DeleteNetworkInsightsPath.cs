using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Reachability;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>
/// Deletes a path that has no analyses left: AWS refuses one that has them with AnalysisExistsForNetworkInsightsPath
/// ("Delete all the analyses before deleting this network path", terraform-provider-aws#28330); the console deletes them
/// for you, the API does not.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkInsightsPath.html
/// </summary>
public static class DeleteNetworkInsightsPath
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public bool? DryRun { get; init; }
        public string? NetworkInsightsPathId { get; init; }
    }

    public sealed record Result(string NetworkInsightsPathId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.NetworkInsightsPathId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.NetworkInsightsPath))
                .WithAwsError((_, id) => Ec2Errors.NetworkInsightsPathIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request,
        NetworkViewBuilder views, EvaluatorCache evaluators) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var id = command.NetworkInsightsPathId!;
            var version = 0L;
            await writer.WriteAsync(async () =>
            {
                version = await views.VersionAsync(cancellationToken);
                var path = await db.NetworkInsightsPaths.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw Ec2Errors.NetworkInsightsPathNotFound(id);
                var analyses = await db.NetworkInsightsAnalyses.Where(a => a.NetworkInsightsPathId == id).Select(a => a.Id).OrderBy(a => a).ToListAsync(cancellationToken);
                if (analyses.Count > 0) throw Ec2Errors.AnalysisExistsForNetworkInsightsPath(id, analyses);
                await tags.RemoveAllAsync(id, cancellationToken);
                db.NetworkInsightsPaths.Remove(path);
            }, cancellationToken);
            evaluators.Unchanged(request.AccountId, request.Region, version);
            return new Result(id);
        }
    }
}

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

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkInsightsAnalysis.html</summary>
public static class DeleteNetworkInsightsAnalysis
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public bool? DryRun { get; init; }
        public string? NetworkInsightsAnalysisId { get; init; }
    }

    public sealed record Result(string NetworkInsightsAnalysisId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.NetworkInsightsAnalysisId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.NetworkInsightsAnalysis))
                .WithAwsError((_, id) => Ec2Errors.NetworkInsightsAnalysisIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request,
        NetworkViewBuilder views, EvaluatorCache evaluators) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var id = command.NetworkInsightsAnalysisId!;
            var version = 0L;
            await writer.WriteAsync(async () =>
            {
                version = await views.VersionAsync(cancellationToken);
                var analysis = await db.NetworkInsightsAnalyses.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                    ?? throw Ec2Errors.NetworkInsightsAnalysisNotFound(id);
                await tags.RemoveAllAsync(id, cancellationToken);
                db.NetworkInsightsAnalyses.Remove(analysis);
            }, cancellationToken);
            evaluators.Unchanged(request.AccountId, request.Region, version);
            return new Result(id);
        }
    }
}

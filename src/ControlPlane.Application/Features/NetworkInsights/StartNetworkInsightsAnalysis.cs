using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Reachability;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>
/// Analyses a path against the network as it is at this moment, with the scope's compiled evaluator (built once per
/// state version, <see cref="EvaluatorCache"/>). AWS runs analyses asynchronously: the answer here is the analysis
/// <c>running</c>, and DescribeNetworkInsightsAnalyses shows it <c>succeeded</c> with its findings straight after, so
/// clients that poll see the lifecycle they expect without waiting.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StartNetworkInsightsAnalysis.html
/// </summary>
public static class StartNetworkInsightsAnalysis
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? NetworkInsightsPathId { get; init; }
        public IReadOnlyList<string>? AdditionalAccounts { get; init; }
        public IReadOnlyList<string>? FilterInArns { get; init; }
        public IReadOnlyList<string>? FilterOutArns { get; init; }
        public bool? DryRun { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public string? ClientToken { get; init; }
    }

    public sealed record Result(NetworkInsightsAnalysisShape NetworkInsightsAnalysis);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.NetworkInsightsPathId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.NetworkInsightsPath))
                .WithAwsError((_, id) => Ec2Errors.NetworkInsightsPathIdMalformed(id));
            // The analysis follows the one path the evaluator finds, in the caller's own account.
            RuleFor(c => c.FilterInArns).Must(a => a is not { Count: > 0 }).WithAwsError((_, _) => Ec2Errors.NetworkInsightsAnalysisOptionUnsupported("FilterInArns"));
            RuleFor(c => c.FilterOutArns).Must(a => a is not { Count: > 0 }).WithAwsError((_, _) => Ec2Errors.NetworkInsightsAnalysisOptionUnsupported("FilterOutArns"));
            RuleFor(c => c.AdditionalAccounts).Must(a => a is not { Count: > 0 }).WithAwsError((_, _) => Ec2Errors.NetworkInsightsAnalysisOptionUnsupported("AdditionalAccounts"));
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(NetworkInsightsViews.AnalysisResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids, TimeProvider time,
        NetworkViewBuilder views, EvaluatorCache evaluators, IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var pathId = command.NetworkInsightsPathId!;
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(ResourceIds.NetworkInsightsAnalysis, request, token) : ids.NewId(ResourceIds.NetworkInsightsAnalysis);
            if (command.ClientToken is not null && await EarlierAsync(id, pathId, command.ClientToken, cancellationToken) is { } earlier) return earlier;

            var path = await db.NetworkInsightsPaths.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pathId, cancellationToken)
                ?? throw Ec2Errors.NetworkInsightsPathNotFound(pathId);
            var findings = await AnalyseAsync(path, cancellationToken);

            var version = 0L;
            var result = await writer.WriteAsync(async () =>
            {
                version = await views.VersionAsync(cancellationToken);
                if (command.ClientToken is not null && await EarlierAsync(id, pathId, command.ClientToken, cancellationToken) is { } raced) return raced;
                var quotas = options.Value.Quotas;
                if (await db.NetworkInsightsAnalyses.CountAsync(cancellationToken) >= quotas.NetworkInsightsAnalysesPerRegion)
                    throw Ec2Errors.NetworkInsightsAnalysisLimitExceeded(quotas.NetworkInsightsAnalysesPerRegion);
                if (!await db.NetworkInsightsPaths.AnyAsync(p => p.Id == pathId, cancellationToken)) throw Ec2Errors.NetworkInsightsPathNotFound(pathId);
                var analysis = new NetworkInsightsAnalysis
                {
                    AccountId = request.AccountId, Region = request.Region, Id = id, NetworkInsightsPathId = pathId,
                    Status = NetworkInsightsViews.Succeeded, NetworkPathFound = findings.NetworkPathFound, StartDate = time.GetUtcNow(),
                    Findings = NetworkInsightsViews.WriteFindings(findings),
                };
                db.NetworkInsightsAnalyses.Add(analysis);
                var applied = await tags.ApplyAsync(command.TagSpecifications, NetworkInsightsViews.AnalysisResourceType, id, quotas.TagsPerResource, cancellationToken);
                return new Result(NetworkInsightsViews.ToShape(new NetworkInsightsViews.AnalysisRow(analysis, applied), request, running: true));
            }, cancellationToken);
            // An analysis is not part of the network: the evaluator compiled before it still holds.
            evaluators.Unchanged(request.AccountId, request.Region, version);
            return result;
        }

        /// <summary>The evaluator's answer in AWS's shapes; a path end the evaluator does not take is answered UNSUPPORTED_COMPONENT.</summary>
        private async Task<AnalysisFindings> AnalyseAsync(NetworkInsightsPath path, CancellationToken cancellationToken)
        {
            var query = PathQueries.ToQuery(path);
            var answer = query is null
                ? PathQueries.Unsupported(path)
                : (await evaluators.GetAsync(request.AccountId, request.Region, await views.VersionAsync(cancellationToken), views.BuildAsync, cancellationToken)).Analyze(query);
            var findings = AnalysisFindings.From(answer, request.AccountId, request.Region);
            var warnings = new[] { PathQueries.Warning(path), findings.WarningMessage }.OfType<string>().ToList();
            return findings with { WarningMessage = warnings.Count == 0 ? null : string.Join(" ", warnings) };
        }

        /// <summary>A retry with the same ClientToken answers the analysis the first call started (IdempotentParameterMismatch for another path).</summary>
        private async Task<Result?> EarlierAsync(string id, string pathId, string token, CancellationToken cancellationToken)
        {
            if (await db.NetworkInsightsAnalyses.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } earlier) return null;
            if (earlier.NetworkInsightsPathId != pathId) throw Ec2Errors.IdempotentParameterMismatch(token);
            var earlierTags = await tags.LoadAsync([id], cancellationToken);
            return new Result(NetworkInsightsViews.ToShape(new NetworkInsightsViews.AnalysisRow(earlier, earlierTags(id)), request, running: true));
        }
    }
}

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
/// Creates a path to analyse: a source (an instance, network interface, internet gateway, NAT gateway, VPC endpoint,
/// by id or ARN), a destination (the same kinds, or only an address through FilterAtSource.DestinationAddress), TCP or
/// UDP, and optionally a destination port and the addresses and port ranges the traffic must have. The source and
/// destination must exist (NetworkInsightsSource.NotFound / NetworkInsightsDestination.NotFound). A retry with the same
/// ClientToken answers the path the first call made.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkInsightsPath.html
/// </summary>
public static class CreateNetworkInsightsPath
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? SourceIp { get; init; }
        public string? DestinationIp { get; init; }
        public string? Source { get; init; }
        public string? Destination { get; init; }
        public string? Protocol { get; init; }
        public int? DestinationPort { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }
        public string? ClientToken { get; init; }
        public PathRequestFilter? FilterAtSource { get; init; }
        public PathRequestFilter? FilterAtDestination { get; init; }
    }

    public sealed record Result(NetworkInsightsPathShape NetworkInsightsPath);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Source).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("Source"));
            RuleFor(c => c.Source!).Must(PathEndpoints.IsSupported).When(c => c.Source is not null)
                .WithAwsError((_, v) => Ec2Errors.NetworkInsightsResourceUnsupported(v, "Source"));
            RuleFor(c => c.Destination!).Must(PathEndpoints.IsSupported).When(c => c.Destination is not null)
                .WithAwsError((_, v) => Ec2Errors.NetworkInsightsResourceUnsupported(v, "Destination"));
            RuleFor(c => c.Protocol).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("Protocol"));
            RuleFor(c => c.Protocol!).Must(p => NetworkInsightsRules.ProtocolNumber(p) is not null).When(c => c.Protocol is not null)
                .WithAwsError((_, v) => Ec2Errors.NetworkInsightsProtocolInvalid(v));
            RuleFor(c => c.DestinationPort).Must(p => p is not { } port || NetworkInsightsRules.IsPort(port))
                .WithAwsError((_, v) => Ec2Errors.NetworkInsightsPortInvalid(v ?? 0, "DestinationPort"));
            RuleFor(c => c.SourceIp!).Must(NetworkInsightsRules.IsIpv4).When(c => c.SourceIp is not null)
                .WithAwsError((_, v) => Ec2Errors.NetworkInsightsAddressInvalid(v, "SourceIp"));
            RuleFor(c => c.DestinationIp!).Must(NetworkInsightsRules.IsIpv4).When(c => c.DestinationIp is not null)
                .WithAwsError((_, v) => Ec2Errors.NetworkInsightsAddressInvalid(v, "DestinationIp"));
            RuleFor(c => c).Custom((c, context) =>
            {
                var error = NetworkInsightsRules.FilterProblem(c.FilterAtSource, "FilterAtSource")
                    ?? NetworkInsightsRules.FilterProblem(c.FilterAtDestination, "FilterAtDestination") ?? CombinationProblem(c);
                if (error is null) return;
                context.AddFailure(new FluentValidation.Results.ValidationFailure("Filter", error.Message) { CustomState = error });
            });
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(NetworkInsightsViews.PathResourceType);
        }

        /// <summary>
        /// FilterAtSource replaces SourceIp and DestinationPort; FilterAtDestination replaces DestinationIp; a path without a
        /// Destination needs FilterAtSource.DestinationAddress (AWS's text, terraform-provider-aws#38132).
        /// </summary>
        private static AwsException? CombinationProblem(Command c) => c switch
        {
            { FilterAtSource: not null, SourceIp: not null } => Ec2Errors.NetworkInsightsFilterAtSourceCombination("SourceIp"),
            { FilterAtSource: not null, DestinationPort: not null } => Ec2Errors.NetworkInsightsFilterAtSourceCombination("DestinationPort"),
            { FilterAtDestination: not null, DestinationIp: not null } => Ec2Errors.NetworkInsightsFilterAtDestinationCombination(),
            { Destination: null, FilterAtSource.DestinationAddress: null } or { Destination: null, FilterAtSource: null } => Ec2Errors.NetworkInsightsDestinationMissing(),
            _ => null,
        };
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids, TimeProvider time,
        NetworkViewBuilder views, EvaluatorCache evaluators, IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var version = 0L;
            var result = await writer.WriteAsync(async () =>
            {
                version = await views.VersionAsync(cancellationToken);
                var quotas = options.Value.Quotas;
                var id = command.ClientToken is { } token ? ClientTokenIds.Derive(ResourceIds.NetworkInsightsPath, request, token) : ids.NewId(ResourceIds.NetworkInsightsPath);
                var source = await db.ResolveAsync(request, command.Source!, cancellationToken) ?? throw Ec2Errors.NetworkInsightsSourceNotFound(command.Source!);
                var destination = command.Destination is { } wanted
                    ? await db.ResolveAsync(request, wanted, cancellationToken) ?? throw Ec2Errors.NetworkInsightsDestinationNotFound(wanted)
                    : null;
                var path = new NetworkInsightsPath
                {
                    AccountId = request.AccountId, Region = request.Region, Id = id,
                    Source = source.Id, SourceArn = source.Arn, Destination = destination?.Id, DestinationArn = destination?.Arn,
                    SourceIp = command.SourceIp, DestinationIp = command.DestinationIp,
                    Protocol = command.Protocol!.ToLowerInvariant(), DestinationPort = command.DestinationPort,
                    FilterAtSource = ToFilter(command.FilterAtSource), FilterAtDestination = ToFilter(command.FilterAtDestination),
                    CreatedDate = time.GetUtcNow(),
                };

                if (command.ClientToken is not null && await db.NetworkInsightsPaths.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } earlier)
                {
                    if (!SameRequest(earlier, path)) throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken);
                    var earlierTags = await tags.LoadAsync([id], cancellationToken);
                    return new Result(NetworkInsightsViews.ToShape(new NetworkInsightsViews.PathRow(earlier, earlierTags(id)), request));
                }

                if (await db.NetworkInsightsPaths.CountAsync(cancellationToken) >= quotas.NetworkInsightsPathsPerRegion)
                    throw Ec2Errors.NetworkInsightsPathLimitExceeded(quotas.NetworkInsightsPathsPerRegion);
                db.NetworkInsightsPaths.Add(path);
                var applied = await tags.ApplyAsync(command.TagSpecifications, NetworkInsightsViews.PathResourceType, id, quotas.TagsPerResource, cancellationToken);
                return new Result(NetworkInsightsViews.ToShape(new NetworkInsightsViews.PathRow(path, applied), request));
            }, cancellationToken);
            // A path is not part of the network: the evaluator compiled before this change still holds.
            evaluators.Unchanged(request.AccountId, request.Region, version);
            return result;
        }

        private static PathFilter? ToFilter(PathRequestFilter? f) => f is null ? null : new PathFilter(
            f.SourceAddress, ToRange(f.SourcePortRange), f.DestinationAddress, ToRange(f.DestinationPortRange));

        private static PortSpanFilter? ToRange(RequestFilterPortRange? r) => r is null ? null : new PortSpanFilter(r.FromPort, r.ToPort);

        private static bool SameRequest(NetworkInsightsPath a, NetworkInsightsPath b) =>
            (a.Source, a.Destination, a.SourceIp, a.DestinationIp, a.Protocol, a.DestinationPort, a.FilterAtSource, a.FilterAtDestination)
            == (b.Source, b.Destination, b.SourceIp, b.DestinationIp, b.Protocol, b.DestinationPort, b.FilterAtSource, b.FilterAtDestination);
    }
}

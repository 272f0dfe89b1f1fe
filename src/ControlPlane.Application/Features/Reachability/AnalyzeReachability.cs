using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Reachability;
using ControlPlane.Domain.Errors;
using ControlPlane.Reachability.Answers;
using FluentValidation;
using System.Net;

namespace ControlPlane.Application.Features.Reachability;

/// <summary>
/// Can <c>Source</c> reach <c>Destination</c>? The verdict for the forward and the return path, the components in order
/// with the rule that matched at each, and every blocking component's AWS explanation code
/// (src/ControlPlane.Reachability/README.md). REST only: the AWS API is Start/DescribeNetworkInsightsAnalyses.
/// </summary>
[AwsService(ReachabilityTerms.Service)]
public static class AnalyzeReachability
{
    public sealed record Command : PacketRequest, ICommand<Result>
    {
        /// <summary>An interface (<c>eni-…</c>), a resource that owns interfaces (id, ARN or name), an IP address, or <c>internet</c>.</summary>
        public string? Source { get; init; }
        public string? Destination { get; init; }

        /// <summary>Pins the address used at the source or destination interface (one of its addresses, or another for an appliance).</summary>
        public string? SourceAddress { get; init; }
        public string? DestinationAddress { get; init; }
    }

    /// <param name="StateVersion">The scope's state version the answer was computed on.</param>
    public sealed record Result(PathAnalysis Analysis, long StateVersion);

    public sealed class Validator : PacketRequestValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Source).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("source"));
            RuleFor(c => c.Destination).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("destination"));
            RuleFor(c => c.SourceAddress).Must(PacketRequests.IsAddress).WithAwsError((_, a) => Ec2Errors.InvalidParameterValue(a!, "sourceAddress"));
            RuleFor(c => c.DestinationAddress).Must(PacketRequests.IsAddress).WithAwsError((_, a) => Ec2Errors.InvalidParameterValue(a!, "destinationAddress"));
        }
    }

    public sealed class Handler(ScopeNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var evaluator = await network.CurrentAsync(cancellationToken);
            var query = command.Options().Query(ReachabilityTerms.ParseEndpoint(command.Source!), ReachabilityTerms.ParseEndpoint(command.Destination!),
                command.ProtocolNumber(), command.Port) with
            {
                SourceAddress = command.SourceAddress is { } source ? IPAddress.Parse(source) : null,
                DestinationAddress = command.DestinationAddress is { } destination ? IPAddress.Parse(destination) : null,
            };
            return new Result(evaluator.Analyze(query), evaluator.View.Version);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Reachability;
using ControlPlane.Domain.Errors;
using ControlPlane.Reachability.Answers;
using FluentValidation;

namespace ControlPlane.Application.Features.Reachability;

/// <summary>
/// Who can reach <c>Target</c> on this protocol and port: every interface that can (with the security group rules and
/// ACL entries that let it), the address blocks outside the network its rules admit, and whether the internet can.
/// </summary>
[AwsService(ReachabilityTerms.Service)]
public static class WhoCanReach
{
    public sealed record Command : PacketRequest, ICommand<Result>
    {
        /// <summary>An interface, a resource that owns interfaces (id, ARN or name), or an IP address.</summary>
        public string? Target { get; init; }
    }

    public sealed record Result(WhoCanReachAnswer Answer, long StateVersion);

    public sealed class Validator : PacketRequestValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Target).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("target"));
    }

    public sealed class Handler(ScopeNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var evaluator = await network.CurrentAsync(cancellationToken);
            var answer = evaluator.WhoCanReach(ReachabilityTerms.ParseEndpoint(command.Target!), command.ProtocolNumber(), command.Port, command.Options());
            return new Result(answer, evaluator.View.Version);
        }
    }
}

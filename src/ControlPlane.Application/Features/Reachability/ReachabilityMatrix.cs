using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Reachability;
using ControlPlane.Domain.Errors;
using ControlPlane.Reachability.Answers;
using FluentValidation;

namespace ControlPlane.Application.Features.Reachability;

/// <summary>
/// Reachability between every ordered pair of a VPC's interfaces, or of the interfaces listed, on one protocol and
/// port: reachable or not per cell, with the first blocking explanation code of each blocked cell.
/// </summary>
[AwsService(ReachabilityTerms.Service)]
public static class ReachabilityMatrix
{
    /// <summary>At most this many interfaces (a million cells), so one answer stays a few megabytes.</summary>
    public const int MaxInterfaces = 1000;

    public sealed record Command : PacketRequest, ICommand<Result>
    {
        public string? VpcId { get; init; }
        public IReadOnlyList<string>? NetworkInterfaceIds { get; init; }
    }

    public sealed record Result(ControlPlane.Reachability.Answers.ReachabilityMatrix Matrix, long StateVersion);

    public sealed class Validator : PacketRequestValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => (c.VpcId is null) != (c.NetworkInterfaceIds is null))
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterValue("Give either vpcId or networkInterfaceIds."));
            RuleFor(c => c.NetworkInterfaceIds!.Count).InclusiveBetween(1, MaxInterfaces).When(c => c.NetworkInterfaceIds is not null)
                .WithAwsError((_, n) => Ec2Errors.InvalidParameterValue($"networkInterfaceIds holds {n} interfaces: give 1 to {MaxInterfaces}."));
        }
    }

    public sealed class Handler(ScopeNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var evaluator = await network.CurrentAsync(cancellationToken);
            var view = evaluator.View;
            IReadOnlyList<string> ids;
            if (command.VpcId is { } vpcId)
            {
                if (view.Vpcs.All(v => v.Id != vpcId)) throw Ec2Errors.VpcNotFound(vpcId);
                ids = [.. view.NetworkInterfaces.Where(i => i.VpcId == vpcId).Select(i => i.Id).Order(StringComparer.Ordinal)];
                if (ids.Count > MaxInterfaces)
                    throw Ec2Errors.InvalidParameterValue($"{vpcId} holds {ids.Count} interfaces; a matrix takes at most {MaxInterfaces}: list them in networkInterfaceIds.");
            }
            else
            {
                ids = command.NetworkInterfaceIds!;
                var known = view.NetworkInterfaces.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
                var missing = ids.Where(id => !known.Contains(id)).Distinct().ToList();
                if (missing.Count > 0) throw Ec2Errors.NetworkInterfacesNotFound(missing);
            }
            return new Result(evaluator.Matrix(ids, command.ProtocolNumber(), command.Port, command.Options()), view.Version);
        }
    }
}

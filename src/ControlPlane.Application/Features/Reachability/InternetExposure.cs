using System.Net;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Reachability;
using ControlPlane.Domain.Errors;
using ControlPlane.Reachability.Answers;
using FluentValidation;

namespace ControlPlane.Application.Features.Reachability;

/// <summary>
/// Every interface the internet can reach (of one VPC, or all), on which protocols and ports, through which security
/// group rules and ACL entries, and back through which route and internet gateway.
/// </summary>
[AwsService(ReachabilityTerms.Service)]
public static class InternetExposure
{
    public sealed record Command : ICommand<Result>
    {
        public string? VpcId { get; init; }

        /// <summary>One internet host to ask about instead of any (rules must then admit that address).</summary>
        public string? SourceAddress { get; init; }
        public string? ClientProfile { get; init; }
        public bool? Ipv6 { get; init; }
    }

    public sealed record Result(InternetExposureReport Report, long StateVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SourceAddress).Must(PacketRequests.IsAddress).WithAwsError((_, a) => Ec2Errors.InvalidParameterValue(a!, "sourceAddress"));
            this.ValidClientProfile(c => c.ClientProfile);
        }
    }

    public sealed class Handler(ScopeNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var evaluator = await network.CurrentAsync(cancellationToken);
            var view = evaluator.View;
            if (command.VpcId is { } vpcId && view.Vpcs.All(v => v.Id != vpcId)) throw Ec2Errors.VpcNotFound(vpcId);
            var options = new ControlPlane.Reachability.PacketOptions
            {
                Ipv6 = command.Ipv6 ?? false,
                ClientProfile = PacketRequests.ClientProfileOrDefault(command.ClientProfile),
            };
            var report = evaluator.InternetExposure(options, command.SourceAddress is { } source ? IPAddress.Parse(source) : null);
            if (command.VpcId is { } only)
            {
                var inVpc = view.NetworkInterfaces.Where(i => i.VpcId == only).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
                report = report with { Interfaces = [.. report.Interfaces.Where(i => inVpc.Contains(i.NetworkInterfaceId))] };
            }
            return new Result(report, view.Version);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Removes subnets (and the interfaces in them) from a Classic Load Balancer; it keeps at least one. Subnets it does
/// not have are ignored. Answers the subnets it keeps.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DetachLoadBalancerFromSubnets.html
/// </summary>
[AwsService("elb")]
public static class DetachLoadBalancerFromSubnets
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
        public IReadOnlyList<string>? Subnets { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> Subnets);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await ClassicLoadBalancers.FindAsync(store, command.LoadBalancerName!, cancellationToken);
            var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(row);
            var removed = command.Subnets ?? [];
            var remaining = document.SubnetIds.Where(s => !removed.Contains(s)).ToList();
            if (remaining.Count == 0) throw ClassicElbErrors.LastSubnet();
            foreach (var eni in await network.InterfacesAsync(row.Arn, cancellationToken))
            {
                if (removed.Contains(eni.SubnetId)) await network.RemoveInterfaceAsync(eni.Id, cancellationToken);
            }
            ServiceResourceStore.Write(row, document with { SubnetIds = remaining });
            return new Result(remaining);
        }, cancellationToken);
    }
}

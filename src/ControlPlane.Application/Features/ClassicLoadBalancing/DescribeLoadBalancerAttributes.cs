using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// The attributes of a Classic Load Balancer as the API creates it: cross-zone balancing, access logs and connection
/// draining off, a 60 s idle timeout, defensive desync mitigation. They cannot be changed in the emulator.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeLoadBalancerAttributes.html
/// </summary>
[AwsService("elb")]
public static class DescribeLoadBalancerAttributes
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
    }

    public sealed record Result(LoadBalancerAttributes LoadBalancerAttributes);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await ClassicLoadBalancers.FindAsync(store, command.LoadBalancerName!, cancellationToken);
            return new Result(new LoadBalancerAttributes(new CrossZoneLoadBalancing(false), new AccessLog(false), new ConnectionDraining(false, 300),
                new ConnectionSettings(60), [new AdditionalAttribute("elb.http.desyncmitigationmode", "defensive")]));
        }
    }
}

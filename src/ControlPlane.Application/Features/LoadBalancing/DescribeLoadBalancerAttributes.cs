using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The load balancer's attributes: the defaults of its type with what ModifyLoadBalancerAttributes changed.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancerAttributes.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeLoadBalancerAttributes
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
    }

    public sealed record Result(IReadOnlyList<AttributeEntry> Attributes);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await LoadBalancers.FindAsync(store, command.LoadBalancerArn!, cancellationToken);
            return new Result(ElbAttributes.ToShape(ServiceResourceStore.Read<LoadBalancerDocument>(row).Attributes));
        }
    }
}

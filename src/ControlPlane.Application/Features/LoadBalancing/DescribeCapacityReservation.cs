using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// A load balancer's capacity reservation: the emulator reserves none, so the answer has no minimum capacity and no
/// zonal states (Terraform's <c>aws_lb</c> reads it after every create and refresh).
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeCapacityReservation.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeCapacityReservation
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
    }

    public sealed record Result(int DecreaseRequestsRemaining, IReadOnlyList<object> CapacityReservationState);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await LoadBalancers.FindAsync(store, command.LoadBalancerArn!, cancellationToken);
            return new Result(3, []);
        }
    }
}

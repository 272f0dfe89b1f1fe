using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Deletes a Classic Load Balancer with its interfaces; the instances stay. Deleting one that does not exist succeeds,
/// as AWS documents.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DeleteLoadBalancer.html
/// </summary>
[AwsService("elb")]
public static class DeleteLoadBalancer
{
    public sealed record Command : ICommand<Empty>
    {
        public string? LoadBalancerName { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            if (await store.FindAsync(ClassicLoadBalancers.Service, ClassicLoadBalancers.Kind, command.LoadBalancerName!, cancellationToken) is { } row)
            {
                await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
                store.Remove(row);
            }
            return Empty.Instance;
        }, cancellationToken);
    }
}

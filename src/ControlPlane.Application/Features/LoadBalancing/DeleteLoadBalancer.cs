using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Deletes a load balancer with its listeners and interfaces (its security groups can then be deleted); its target
/// groups and their targets stay. Deleting one that does not exist succeeds, as AWS documents. A load balancer with
/// <c>deletion_protection.enabled</c> is refused with <c>OperationNotPermitted</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteLoadBalancer.html
/// </summary>
[AwsService("elbv2")]
public static class DeleteLoadBalancer
{
    public sealed record Command : ICommand<Empty>
    {
        public string? LoadBalancerArn { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            if (await store.FindByArnAsync(command.LoadBalancerArn!, cancellationToken) is not { Service: LoadBalancers.Service, Kind: LoadBalancers.Kind } row)
            {
                return Empty.Instance;
            }
            var document = ServiceResourceStore.Read<LoadBalancerDocument>(row);
            if (document.Attributes.GetValueOrDefault("deletion_protection.enabled") == "true")
            {
                throw ElbErrors.DeletionProtected(row.Arn);
            }
            foreach (var listener in await store.ChildrenAsync(row.Arn, cancellationToken)) store.Remove(listener);
            await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
            store.Remove(row);
            return Empty.Instance;
        }, cancellationToken);
    }
}

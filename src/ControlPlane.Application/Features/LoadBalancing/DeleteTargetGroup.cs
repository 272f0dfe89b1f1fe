using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Deletes a target group and its registrations. A group a listener forwards to is <c>ResourceInUse</c>. Deleting a
/// group that does not exist succeeds (the API lists no not-found error for this action).
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteTargetGroup.html
/// </summary>
[AwsService("elbv2")]
public static class DeleteTargetGroup
{
    public sealed record Command : ICommand<Empty>
    {
        public string? TargetGroupArn { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            if (await store.FindByArnAsync(command.TargetGroupArn!, cancellationToken) is not { Service: LoadBalancers.Service, Kind: TargetGroups.Kind } row)
            {
                return Empty.Instance;
            }
            var usedBy = await TargetGroups.LoadBalancersOfAsync(store, cancellationToken);
            if (usedBy[row.Arn].Any()) throw ElbErrors.TargetGroupInUse(row.Arn);
            store.Remove(row);
            return Empty.Instance;
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Deletes a listener; its target groups stay (and can then be deleted). A missing listener is <c>ListenerNotFound</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeleteListener.html
/// </summary>
[AwsService("elbv2")]
public static class DeleteListener
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ListenerArn { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            store.Remove(await Listeners.FindAsync(store, command.ListenerArn!, cancellationToken));
            return Empty.Instance;
        }, cancellationToken);
    }
}

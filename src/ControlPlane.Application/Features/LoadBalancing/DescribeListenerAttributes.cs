using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The listener's attributes (HTTP listeners: the <c>Server</c> response header; TCP listeners: the idle timeout).
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListenerAttributes.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeListenerAttributes
{
    public sealed record Command : ICommand<Result>
    {
        public string? ListenerArn { get; init; }
    }

    public sealed record Result(IReadOnlyList<AttributeEntry> Attributes);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await Listeners.FindAsync(store, command.ListenerArn!, cancellationToken);
            return new Result(ElbAttributes.ToShape(ServiceResourceStore.Read<ListenerDocument>(row).Attributes));
        }
    }
}

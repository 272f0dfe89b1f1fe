using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Changes attributes of a target group (deregistration delay, stickiness, ...) and answers all of them. Recorded only.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroupAttributes.html
/// </summary>
[AwsService("elbv2")]
public static class ModifyTargetGroupAttributes
{
    public sealed record Command : ICommand<Result>
    {
        public string? TargetGroupArn { get; init; }
        public IReadOnlyList<AttributeEntry>? Attributes { get; init; }
    }

    public sealed record Result(IReadOnlyList<AttributeEntry> Attributes);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await TargetGroups.FindAsync(store, command.TargetGroupArn!, cancellationToken);
            var group = ServiceResourceStore.Read<TargetGroupDocument>(row);
            var attributes = ElbAttributes.Apply(group.Attributes, command.Attributes, "Target group");
            ServiceResourceStore.Write(row, group with { Attributes = attributes });
            return new Result(ElbAttributes.ToShape(attributes));
        }, cancellationToken);
    }
}

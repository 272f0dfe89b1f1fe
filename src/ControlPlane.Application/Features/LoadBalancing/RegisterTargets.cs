using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Registers targets with a target group; registering one already registered on that port changes nothing.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html
/// </summary>
[AwsService("elbv2")]
public static class RegisterTargets
{
    public sealed record Command : ICommand<Empty>
    {
        public string? TargetGroupArn { get; init; }
        public IReadOnlyList<TargetDescription>? Targets { get; init; }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await TargetGroups.FindAsync(store, command.TargetGroupArn!, cancellationToken);
            var group = ServiceResourceStore.Read<TargetGroupDocument>(row);
            var added = await LoadBalancing.Targets.CheckAsync(db, store, group, command.Targets ?? [], cancellationToken);
            var targets = group.Targets.ToList();
            foreach (var target in added.Where(a => !targets.Any(t => LoadBalancing.Targets.Same(t, a, group.Port)))) targets.Add(target);
            ServiceResourceStore.Write(row, group with { Targets = targets });
            return Empty.Instance;
        }, cancellationToken);
    }
}

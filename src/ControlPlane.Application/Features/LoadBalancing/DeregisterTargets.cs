using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Deregisters targets at once (the emulator has no draining period). A target that is not registered on that port is
/// <c>InvalidTarget</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DeregisterTargets.html
/// </summary>
[AwsService("elbv2")]
public static class DeregisterTargets
{
    public sealed record Command : ICommand<Empty>
    {
        public string? TargetGroupArn { get; init; }
        public IReadOnlyList<TargetDescription>? Targets { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await TargetGroups.FindAsync(store, command.TargetGroupArn!, cancellationToken);
            var group = ServiceResourceStore.Read<TargetGroupDocument>(row);
            var removed = (command.Targets ?? []).Select(t => new TargetDocument(t.Id ?? "", t.Port, t.AvailabilityZone)).ToList();
            if (removed.Count == 0) throw ElbErrors.Validation("At least one target must be specified");
            if (removed.FirstOrDefault(r => !group.Targets.Any(t => LoadBalancing.Targets.Same(t, r, group.Port))) is { } stranger)
            {
                throw ElbErrors.InvalidTarget($"The following targets are not registered in target group '{row.Arn}': '{stranger.Id}'");
            }
            var targets = group.Targets.Where(t => !removed.Any(r => LoadBalancing.Targets.Same(t, r, group.Port))).ToList();
            ServiceResourceStore.Write(row, group with { Targets = targets });
            return Empty.Instance;
        }, cancellationToken);
    }
}

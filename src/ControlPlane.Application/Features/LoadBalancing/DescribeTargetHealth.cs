using System.Globalization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The health of a group's targets (or of the targets named). The emulator runs no health checks: a registered target
/// of a group a listener forwards to is <c>healthy</c> when it can serve (an instance that is running); otherwise AWS's
/// states and reasons: <c>unused</c> with <c>Target.NotRegistered</c>, <c>Target.NotInUse</c> (no listener uses the group, or the instance
/// is in an Availability Zone the load balancer does not have) or
/// <c>Target.InvalidState</c>, and <c>unavailable</c> with <c>Target.HealthCheckDisabled</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeTargetHealth
{
    public sealed record Command : ICommand<Result>
    {
        public string? TargetGroupArn { get; init; }
        public IReadOnlyList<TargetDescription>? Targets { get; init; }
        public IReadOnlyList<string>? Include { get; init; }
    }

    public sealed record Result(IReadOnlyList<TargetHealthDescription> TargetHealthDescriptions);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var row = await TargetGroups.FindAsync(store, command.TargetGroupArn!, cancellationToken);
            var group = ServiceResourceStore.Read<TargetGroupDocument>(row);
            var loadBalancerArns = (await TargetGroups.LoadBalancersOfAsync(store, cancellationToken))[row.Arn].ToList();
            var inUse = loadBalancerArns.Count > 0;
            var enabledZones = await EnabledZonesAsync(loadBalancerArns, cancellationToken);
            var asked = command.Targets is { Count: > 0 } named
                ? named.Select(t => new TargetDocument(t.Id ?? "", t.Port, t.AvailabilityZone)).ToList()
                : group.Targets;
            var instanceIds = asked.Select(t => t.Id).ToList();
            var instances = group.TargetType == TargetGroups.Instance
                ? await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => (i.State, i.AvailabilityZone), cancellationToken)
                : [];

            return new Result(asked.Select(target =>
            {
                var registered = group.Targets.FirstOrDefault(t => Targets.Same(t, target, group.Port));
                var port = target.Port ?? group.Port;
                var health = registered is null ? new TargetHealth("unused", "Target.NotRegistered", "Target is not registered to the target group")
                    : !inUse ? new TargetHealth("unused", "Target.NotInUse", "Target group is not configured to receive traffic from the load balancer")
                    : group.TargetType == TargetGroups.Instance && instances.GetValueOrDefault(target.Id).State is var state && state != "running"
                        ? new TargetHealth("unused", "Target.InvalidState", $"Target is in the {state ?? "terminated"} state")
                    : group.TargetType == TargetGroups.Instance && !enabledZones.Contains(instances[target.Id].AvailabilityZone)
                        ? new TargetHealth("unused", "Target.NotInUse", "Target is in an Availability Zone that is not enabled for the load balancer")
                    : !group.HealthCheckEnabled ? new TargetHealth("unavailable", "Target.HealthCheckDisabled", "Health checks disabled")
                    : new TargetHealth("healthy", null, null);
                var healthCheckPort = group.HealthCheckPort == "traffic-port" ? port?.ToString(CultureInfo.InvariantCulture) : group.HealthCheckPort;
                return new TargetHealthDescription(new TargetDescription(target.Id, port, registered?.AvailabilityZone ?? target.AvailabilityZone),
                    healthCheckPort, health);
            }).ToList());
        }

        /// <summary>The Availability Zones of the subnets of the load balancers that use the group.</summary>
        private async Task<HashSet<string>> EnabledZonesAsync(IReadOnlyList<string> loadBalancerArns, CancellationToken cancellationToken)
        {
            var subnetIds = new List<string>();
            foreach (var arn in loadBalancerArns)
            {
                if (await store.FindByArnAsync(arn, cancellationToken) is { } loadBalancer) subnetIds.AddRange(ServiceResourceStore.Read<LoadBalancerDocument>(loadBalancer).SubnetIds);
            }
            return (await db.Subnets.AsNoTracking().Where(s => subnetIds.Contains(s.Id)).Select(s => s.AvailabilityZone).ToListAsync(cancellationToken)).ToHashSet();
        }
    }
}

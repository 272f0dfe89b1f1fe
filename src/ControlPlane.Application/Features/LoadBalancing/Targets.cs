using System.Net;
using System.Net.Sockets;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// What a target group may hold: running instances in its VPC, IPv4 addresses inside the VPC's CIDR blocks (or,
/// with Availability Zone <c>all</c>, in a private range outside it), one Lambda function, one ALB.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html
/// </summary>
public static class Targets
{
    private static readonly IPNetwork[] PrivateRanges =
        [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("100.64.0.0/10")];

    public static async Task<List<TargetDocument>> CheckAsync(ControlPlaneDbContext db, ServiceResourceStore store, TargetGroupDocument group,
        IReadOnlyList<TargetDescription> targets, CancellationToken cancellationToken)
    {
        if (targets.Count == 0) throw ElbErrors.Validation("At least one target must be specified");
        if (targets.FirstOrDefault(t => string.IsNullOrEmpty(t.Id)) is not null) throw ElbErrors.Validation("A target ID must be specified");
        if (targets.FirstOrDefault(t => t.Port is < 1 or > 65535) is { } badPort) throw ElbErrors.Validation($"Port '{badPort.Port}' must be between 1 and 65535");
        switch (group.TargetType)
        {
            case TargetGroups.Instance:
                var ids = targets.Select(t => t.Id!).Distinct().ToList();
                var instances = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id) && i.State != "terminated")
                    .ToDictionaryAsync(i => i.Id, cancellationToken);
                var missing = ids.Where(id => !instances.ContainsKey(id)).ToList();
                if (missing.Count > 0) throw ElbErrors.InvalidTarget($"The following targets are not valid instances: '{string.Join("', '", missing)}'");
                var stopped = ids.Where(id => instances[id].State is not ("running" or "pending")).ToList();
                if (stopped.Count > 0) throw ElbErrors.InvalidTarget($"The following targets are not in a running state and cannot be registered: '{string.Join("', '", stopped)}'");
                var outside = ids.Where(id => instances[id].VpcId != group.VpcId).ToList();
                if (outside.Count > 0) throw ElbErrors.InvalidTarget($"The following targets are not in the target group's VPC '{group.VpcId}': '{string.Join("', '", outside)}'");
                break;
            case TargetGroups.Ip:
                var blocks = await db.VpcCidrBlocks.AsNoTracking().Where(b => b.VpcId == group.VpcId && !b.IsIpv6).Select(b => b.Cidr).ToListAsync(cancellationToken);
                var vpc = await db.Vpcs.AsNoTracking().FirstAsync(v => v.Id == group.VpcId, cancellationToken);
                var networks = blocks.Append(vpc.CidrBlock).Distinct().Select(IPNetwork.Parse).ToList();
                foreach (var target in targets)
                {
                    if (!IPAddress.TryParse(target.Id, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
                    {
                        throw ElbErrors.InvalidTarget($"The IP address '{target.Id}' is not a valid IPv4 address");
                    }
                    var allowed = target.AvailabilityZone == "all" ? PrivateRanges.Any(r => r.Contains(address)) : networks.Any(n => n.Contains(address));
                    if (!allowed) throw ElbErrors.InvalidTarget($"The IP address '{target.Id}' is not within the CIDR blocks of VPC '{group.VpcId}'");
                }
                break;
            case TargetGroups.Lambda:
                if (targets.Count > 1 || group.Targets.Any(t => t.Id != targets[0].Id)) throw ElbErrors.Validation("A Lambda target group can have only one target");
                if (!targets[0].Id!.StartsWith("arn:aws:lambda:", StringComparison.Ordinal)) throw ElbErrors.InvalidTarget($"'{targets[0].Id}' is not a Lambda function ARN");
                if (targets[0].Port is not null) throw ElbErrors.Validation("A port cannot be specified for Lambda targets");
                break;
            case TargetGroups.Alb:
                if (targets.Count > 1 || group.Targets.Any(t => t.Id != targets[0].Id)) throw ElbErrors.Validation("An ALB target group can have only one target");
                if (await store.FindByArnAsync(targets[0].Id!, cancellationToken) is not { Kind: LoadBalancers.Kind } alb
                    || ServiceResourceStore.Read<LoadBalancerDocument>(alb).Type != LoadBalancers.Application)
                {
                    throw ElbErrors.InvalidTarget($"'{targets[0].Id}' is not an Application Load Balancer");
                }
                break;
        }
        return targets.Select(t => new TargetDocument(t.Id!, t.Port, t.AvailabilityZone)).ToList();
    }

    /// <summary>Two registrations are one when they name the same target on the same port (null = the group's port).</summary>
    public static bool Same(TargetDocument a, TargetDocument b, int? groupPort) => a.Id == b.Id && (a.Port ?? groupPort) == (b.Port ?? groupPort);
}

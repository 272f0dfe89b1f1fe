using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Where a DB instance's interfaces go and how they look (reference §5): one requester-managed <c>interface</c> of
/// <c>amazon-rds</c>, described <c>RDSNetworkInterface</c>, attached as <c>eni-attach-…</c> owned by <c>amazon-rds</c> at device
/// index 1, not deleted on termination, in a subnet of the instance's zone; a Multi-AZ instance has a second one for its
/// standby in another zone of the subnet group. A publicly accessible instance's interfaces get a public IPv4 address
/// owned by <c>amazon-rds</c>. The owner is the DB instance's ARN.
/// </summary>
public static class RdsPlacement
{
    public const string RequesterId = "amazon-rds";
    public const string Description = "RDSNetworkInterface";

    public static ManagedInterfaces.Spec Spec(string ownerArn) =>
        new("interface", RequesterId, ownerArn, Description, SourceDestCheck: true)
        {
            AttachmentPrefix = "eni-attach", AttachmentOwner = RequesterId, DeviceIndex = 1, DeleteOnTermination = false,
        };

    /// <summary>The instance's zone (the requested one, else the group's first) and, for Multi-AZ, its standby's zone.</summary>
    public static (string Zone, string? Secondary) Zones(RdsSubnetGroups.Group group, string? requested, bool multiAz, int spread = 0)
    {
        var zones = RdsSubnetGroups.Zones(group);
        if (zones.Count == 0) throw RdsErrors.InvalidSubnet(group.Subnets.Select(s => s.Id));
        if (requested is not null && !zones.Contains(requested)) throw RdsErrors.NoSubnetInZone(requested);
        var zone = requested ?? zones[spread % zones.Count];
        var secondary = multiAz ? zones.FirstOrDefault(z => z != zone) : null;
        return (zone, secondary);
    }

    /// <summary>The named groups, all in the VPC; none named is the VPC's default group.</summary>
    public static async Task<IReadOnlyList<SecurityGroup>> GroupsAsync(ServiceNetwork network, IReadOnlyList<string>? groupIds, string vpcId,
        CancellationToken cancellationToken) =>
        groupIds is { Count: > 0 }
            ? await network.GroupsAsync(groupIds, vpcId, RdsErrors.SecurityGroupNotFound, id => RdsErrors.SecurityGroupInOtherVpc(id, vpcId), cancellationToken)
            : [await network.DefaultGroupAsync(vpcId, cancellationToken)];

    /// <summary>Creates the instance's interface in <paramref name="zone"/> (and its standby's in <paramref name="secondary"/>).</summary>
    public static async Task PlaceAsync(ServiceNetwork network, string ownerArn, RdsSubnetGroups.Group group, IReadOnlyList<SecurityGroup> groups,
        string zone, string? secondary, bool publiclyAccessible, CancellationToken cancellationToken)
    {
        foreach (var z in secondary is null ? [zone] : new[] { zone, secondary })
        {
            var subnet = group.Subnets.First(s => s.AvailabilityZone == z);
            var eni = await network.AddInterfaceAsync(ownerArn, Spec(ownerArn), subnet, groups, cancellationToken);
            if (publiclyAccessible) await network.AssignPublicIpAsync(eni, RequesterId, cancellationToken);
        }
    }

    /// <summary>Makes the instance's interfaces public or private.</summary>
    public static async Task SetPublicAsync(ServiceNetwork network, string ownerArn, bool publiclyAccessible, CancellationToken cancellationToken)
    {
        foreach (var eni in await network.InterfacesAsync(ownerArn, cancellationToken))
        {
            if (publiclyAccessible && eni.PublicIp is null) await network.AssignPublicIpAsync(eni, RequesterId, cancellationToken);
            if (!publiclyAccessible && eni.PublicIp is not null) ServiceNetwork.RemovePublicIp(eni);
        }
    }
}

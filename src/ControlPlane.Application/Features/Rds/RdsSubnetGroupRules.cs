using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Rds;

/// <summary>What CreateDBSubnetGroup and ModifyDBSubnetGroup require of the subnets: all exist, one VPC, two zones or more.</summary>
public static class RdsSubnetGroupRules
{
    public static async Task<IReadOnlyList<Subnet>> SubnetsAsync(ServiceNetwork network, IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        var subnets = await network.SubnetsAsync(subnetIds, _ => RdsErrors.InvalidSubnet(subnetIds), RdsErrors.SubnetsInDifferentVpcs, cancellationToken);
        var zones = subnets.Select(s => s.AvailabilityZone).Distinct().Order(StringComparer.Ordinal).ToList();
        if (zones.Count < 2) throw RdsErrors.NotEnoughAzs(zones);
        return subnets;
    }
}

using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Ending an Elastic IP's association, and keeping the interface's own view of it (its <c>Association</c> in
/// DescribeNetworkInterfaces) in step. The interface records the public address of its primary private address only.
/// </summary>
public static class AddressAssociations
{
    /// <summary>Ends the address's association (if any), clearing the interface's public address where it is this one.</summary>
    public static async Task DisassociateAsync(ControlPlaneDbContext db, ElasticIp eip, CancellationToken cancellationToken)
    {
        if (eip.NetworkInterfaceId is { } eniId)
        {
            var eni = await db.NetworkInterfaces.FirstOrDefaultAsync(n => n.Id == eniId, cancellationToken);
            if (eni is not null && eni.PublicIpAllocationId == eip.Id) ClearPublicIp(eni);
        }
        eip.AssociationId = null;
        eip.NetworkInterfaceId = null;
        eip.PrivateIpAddress = null;
        eip.InstanceId = null;
    }

    /// <summary>
    /// Deleting an interface (or terminating its instance) disassociates its Elastic IPs, which stay allocated: "Deleting a
    /// network interface releases all attributes associated with the interface and releases any private IP addresses or
    /// Elastic IP addresses to be used by another instance."
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/delete_eni.html
    /// </summary>
    public static Task<int> DisassociateFromInterfaceAsync(ControlPlaneDbContext db, string networkInterfaceId, CancellationToken cancellationToken) =>
        db.ElasticIps.Where(e => e.NetworkInterfaceId == networkInterfaceId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.AssociationId, (string?)null)
            .SetProperty(e => e.NetworkInterfaceId, (string?)null)
            .SetProperty(e => e.PrivateIpAddress, (string?)null)
            .SetProperty(e => e.InstanceId, (string?)null), cancellationToken);

    public static void SetPublicIp(NetworkInterface eni, ElasticIp eip)
    {
        eni.PublicIp = eip.PublicIp;
        eni.PublicIpOwnerId = eip.AccountId;
        eni.PublicIpAllocationId = eip.Id;
        eni.PublicIpAssociationId = eip.AssociationId;
    }

    private static void ClearPublicIp(NetworkInterface eni)
    {
        eni.PublicIp = null;
        eni.PublicIpOwnerId = null;
        eni.PublicIpAllocationId = null;
        eni.PublicIpAssociationId = null;
    }
}

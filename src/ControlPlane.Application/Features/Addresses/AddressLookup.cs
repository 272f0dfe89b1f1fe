using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>Finds the caller's address by allocation id (or, as the CLI still allows, by its public address), tracked for change.</summary>
public static class AddressLookup
{
    public static async Task<ElasticIp> FindAsync(ControlPlaneDbContext db, string? allocationId, string? publicIp, CancellationToken cancellationToken)
    {
        if (allocationId is not null)
            return await db.ElasticIps.FirstOrDefaultAsync(e => e.Id == allocationId, cancellationToken) ?? throw Ec2Errors.AllocationNotFound(allocationId);
        return await db.ElasticIps.FirstOrDefaultAsync(e => e.PublicIp == publicIp, cancellationToken) ?? throw Ec2Errors.AddressNotFound(publicIp!);
    }
}

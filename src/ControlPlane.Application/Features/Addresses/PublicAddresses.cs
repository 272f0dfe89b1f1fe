using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Picks the public address of a new Elastic IP from 52.0.0.0/8 (an Amazon range; auto-assigned instance addresses come
/// from 3.0.0.0/8, so the two never meet). The address is derived from the allocation id, so it is as deterministic as
/// the id generator, and probes upwards past addresses any scope already holds: one address, one allocation, in the
/// whole emulator (the database's unique index keeps that true when two scopes race).
/// </summary>
public static class PublicAddresses
{
    private const int FirstOctet = 52;
    private const int HostSpace = 1 << 24;

    public static async Task<string> PickAsync(ControlPlaneDbContext db, string allocationId, CancellationToken cancellationToken)
    {
        var host = (int)(Fnv1a(allocationId) % HostSpace);
        for (var tried = 0; tried < HostSpace; tried++, host = (host + 1) % HostSpace)
        {
            if ((host & 0xFF) is 0 or 0xFF) continue;
            var address = $"{FirstOctet}.{host >> 16}.{(host >> 8) & 0xFF}.{host & 0xFF}";
            if (!await db.ElasticIps.IgnoreQueryFilters().AnyAsync(e => e.PublicIp == address, cancellationToken)) return address;
        }
        throw Ec2Errors.AddressLimitExceeded();
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}

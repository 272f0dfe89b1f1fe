using ControlPlane.Application.Store;
using ControlPlane.Domain.Networking;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>
/// Amazon-provided IPv6 blocks: AWS gives a VPC a /56 from its pool (2600:1f00::/24 style addresses), and a
/// subnet takes a /64 of it. The emulator draws /56s from 2600:1f18::/32, unique within the scope.
/// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#vpc-sizing-ipv6
/// </summary>
public sealed class Ipv6Allocator(ControlPlaneDbContext db)
{
    public async Task<Cidr> AllocateVpcBlockAsync(CancellationToken cancellationToken)
    {
        var used = (await db.VpcCidrBlocks.Where(c => c.IsIpv6).Select(c => c.Cidr).ToListAsync(cancellationToken)).ToHashSet();
        while (true)
        {
            var n = Random.Shared.Next(0, 1 << 24);
            var text = $"2600:1f18:{n >> 8:x4}:{(n & 0xFF):x2}00::/56";
            if (Cidr.TryParse(text, out var cidr) && !used.Contains(cidr.ToString())) return cidr;
        }
    }
}

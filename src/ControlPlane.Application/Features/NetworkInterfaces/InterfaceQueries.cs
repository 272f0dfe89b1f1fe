using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// Look-ups the network interface actions share, on the DbContext (the repository). RunInstances builds its interfaces
/// with the same group and address rules.
/// </summary>
public static class InterfaceQueries
{
    /// <summary>
    /// AWS's cap on addresses of one kind per interface is the instance type's (50 on the largest types); an interface
    /// that is not attached is held to the largest.
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AvailableIpPerENI.html
    /// </summary>
    public const int MaxAddressesPerInterface = 50;

    /// <summary>The interface with its addresses and groups, tracked so the caller can change it.</summary>
    public static async Task<NetworkInterface> FindInterfaceAsync(this ControlPlaneDbContext db, string id, CancellationToken cancellationToken) =>
        await db.NetworkInterfaces.Include(n => n.PrivateIpAddresses).Include(n => n.Ipv6Addresses).Include(n => n.Groups).AsSplitQuery()
            .FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
        ?? throw Ec2Errors.NetworkInterfaceNotFound(id);

    /// <summary>Requester-managed interfaces belong to the service that made them: their owner may change only tags.</summary>
    public static NetworkInterface RequireUserManaged(this NetworkInterface eni) =>
        eni.RequesterManaged ? throw Ec2Errors.NetworkInterfaceRequesterManaged(eni.Id) : eni;

    /// <summary>
    /// The groups an interface will carry, in the order given: each must exist and belong to the interface's VPC, at
    /// most <paramref name="limit"/> of them; none given means the VPC's default group.
    /// </summary>
    public static async Task<IReadOnlyList<SecurityGroup>> ResolveInterfaceGroupsAsync(this ControlPlaneDbContext db, IReadOnlyList<string>? requested,
        string vpcId, string subnetId, int limit, CancellationToken cancellationToken)
    {
        if (requested is null || requested.Count == 0)
        {
            return await db.SecurityGroups.AsNoTracking().Where(g => g.VpcId == vpcId && g.NormalizedName == SecurityGroup.DefaultName).ToListAsync(cancellationToken);
        }
        var ids = requested.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > limit) throw Ec2Errors.SecurityGroupsPerInterfaceLimitExceeded();
        var found = await db.SecurityGroups.AsNoTracking().Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, StringComparer.Ordinal, cancellationToken);
        Ids.RequireFound(ids, found.Keys, Ec2Errors.SecurityGroupsNotFound);
        var groups = ids.Select(id => found[id]).ToList();
        if (groups.FirstOrDefault(g => g.VpcId != vpcId) is { } other) throw Ec2Errors.InterfaceGroupInOtherNetwork(other.Id, subnetId);
        return groups;
    }

    /// <summary>
    /// Replaces the stored groups of a tracked interface: the old rows go first, so a group kept in the new set is
    /// written again with its new position.
    /// </summary>
    public static async Task ReplaceGroupsAsync(this ControlPlaneDbContext db, NetworkInterface eni, IReadOnlyList<SecurityGroup> groups, CancellationToken cancellationToken)
    {
        foreach (var old in eni.Groups) db.Entry(old).State = EntityState.Detached;
        await db.NetworkInterfaceGroups.Where(g => g.NetworkInterfaceId == eni.Id).ExecuteDeleteAsync(cancellationToken);
        eni.SetGroups(groups);
    }

    /// <summary>Attaches a tracked interface to an instance (user attachments: network card 0, <c>attached</c> at once).</summary>
    public static void AttachTo(this NetworkInterface eni, string instanceId, string ownerId, string attachmentId, int deviceIndex, bool deleteOnTermination,
        DateTimeOffset now)
    {
        eni.AttachmentId = attachmentId;
        eni.AttachedInstanceId = instanceId;
        eni.AttachmentInstanceOwnerId = ownerId;
        eni.DeviceIndex = deviceIndex;
        eni.NetworkCardIndex = 0;
        eni.DeleteOnTermination = deleteOnTermination;
        eni.AttachmentStatus = "attached";
        eni.AttachTime = now;
        eni.Status = "in-use";
    }

    /// <summary>Clears the attachment of a tracked interface: <c>available</c> again straight away.</summary>
    public static void Detach(this NetworkInterface eni)
    {
        eni.AttachmentId = null;
        eni.AttachedInstanceId = null;
        eni.AttachmentInstanceOwnerId = null;
        eni.DeviceIndex = null;
        eni.NetworkCardIndex = null;
        eni.DeleteOnTermination = null;
        eni.AttachmentStatus = null;
        eni.AttachTime = null;
        eni.Status = "available";
    }

    /// <summary>Sets the groups of a new interface, keeping their order.</summary>
    public static void SetGroups(this NetworkInterface eni, IReadOnlyList<SecurityGroup> groups)
    {
        eni.Groups.Clear();
        eni.Groups.AddRange(groups.Select((g, i) => new NetworkInterfaceGroup { NetworkInterfaceId = eni.Id, GroupId = g.Id, Position = i }));
    }

    public static SubnetAddresses Ipv4Block(Subnet subnet) =>
        Cidr.TryParse(subnet.CidrBlock, out var block) ? new SubnetAddresses(block) : throw Ec2Errors.InternalError();

    /// <summary>The subnet's IPv6 /64; a subnet without one cannot give IPv6 addresses.</summary>
    public static SubnetAddresses Ipv6Block(Subnet subnet) =>
        subnet.Ipv6CidrBlocks.Select(c => Cidr.TryParse(c.Cidr, out var block) ? block : (Cidr?)null).FirstOrDefault(c => c is not null) is { } v6
            ? new SubnetAddresses(v6)
            : throw Ec2Errors.SubnetWithoutIpv6(subnet.Id);

    /// <summary>The canonical text of an address requested in the subnet, or the AWS error for one it cannot have.</summary>
    public static string RequireAssignable(this SubnetAddresses block, string? text, string subnetId) =>
        block.Check(text, out var canonical) switch
        {
            AddressCheck.Usable => canonical,
            AddressCheck.Outside => throw Ec2Errors.AddressOutsideSubnet(canonical),
            AddressCheck.Reserved => throw Ec2Errors.AddressReserved(canonical, subnetId),
            _ => throw Ec2Errors.InvalidIpAddress(text ?? ""),
        };

    /// <summary>Private IPv4 addresses in use in a subnet, by any interface.</summary>
    public static Task<List<string>> UsedIpv4Async(this ControlPlaneDbContext db, string subnetId, CancellationToken cancellationToken) =>
        db.NetworkInterfacePrivateIps.Where(p => p.SubnetId == subnetId).Select(p => p.Address).ToListAsync(cancellationToken);

    public static Task<List<string>> UsedIpv6Async(this ControlPlaneDbContext db, string subnetId, CancellationToken cancellationToken) =>
        db.NetworkInterfaceIpv6Addresses.Where(p => p.SubnetId == subnetId).Select(p => p.Address).ToListAsync(cancellationToken);

    /// <summary>
    /// The requested IPv4 addresses (each free, else InvalidIPAddress.InUse) followed by <paramref name="count"/> more
    /// picked lowest first (InsufficientFreeAddressesInSubnet when the subnet runs out).
    /// </summary>
    public static IReadOnlyList<string> TakeIpv4(this SubnetAddresses block, IReadOnlyCollection<string> used, IReadOnlyList<string> requested, int count, string subnetId)
    {
        var inUse = used.ToHashSet(StringComparer.Ordinal);
        if (requested.FirstOrDefault(inUse.Contains) is { } taken) throw Ec2Errors.AddressInUse(taken);
        var picked = block.LowestFree(used.Concat(requested), count);
        if (picked.Count < count) throw Ec2Errors.InsufficientFreeAddressesInSubnet(subnetId);
        return [.. requested, .. picked];
    }

    /// <summary>As <see cref="TakeIpv4"/>, the extra IPv6 addresses drawn at random from the /64 as AWS does.</summary>
    public static IReadOnlyList<string> TakeIpv6(this SubnetAddresses block, IReadOnlyCollection<string> used, IReadOnlyList<string> requested, int count, string subnetId)
    {
        var inUse = used.ToHashSet(StringComparer.Ordinal);
        if (requested.FirstOrDefault(inUse.Contains) is { } taken) throw Ec2Errors.AddressInUse(taken);
        var picked = block.RandomFree(used.Concat(requested), count, Random.Shared);
        if (picked.Count < count) throw Ec2Errors.InsufficientFreeAddressesInSubnet(subnetId);
        return [.. requested, .. picked];
    }
}

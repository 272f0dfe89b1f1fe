using ControlPlane.Application.Features.Addresses;
using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NatGateways;

/// <summary>
/// The requester-managed interfaces NAT gateways and interface endpoints place in a subnet: created and deleted with
/// their resource, owned by the account but changeable only by the service. They show a Hyperplane-style attachment
/// (<c>ela-attach-…</c>, instance owner <c>amazon-aws</c>, device index 1) and no instance.
/// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/requester-managed-eni.html
/// </summary>
public static class ManagedInterfaces
{
    public const string AttachmentPrefix = "ela-attach";
    public const string AttachmentOwner = "amazon-aws";

    /// <summary>
    /// How the owning service shows its interface (reference §5): type, requester, description and the attachment
    /// (Hyperplane style <c>ela-attach-…</c> owned by <c>amazon-aws</c> unless the service shows its own, e.g. ELB's
    /// <c>eni-attach-…</c> owned by <c>amazon-elb</c>). A null <see cref="AttachmentPrefix"/> leaves the interface unattached.
    /// </summary>
    public sealed record Spec(string InterfaceType, string RequesterId, string OwnerResourceId, string Description, bool SourceDestCheck)
    {
        public bool RequesterManaged { get; init; } = true;
        public string? AttachmentPrefix { get; init; } = ManagedInterfaces.AttachmentPrefix;
        public string AttachmentOwner { get; init; } = ManagedInterfaces.AttachmentOwner;
        public int DeviceIndex { get; init; } = 1;
        public bool DeleteOnTermination { get; init; }
    }

    /// <summary>Builds and adds the interface with one private IPv4 address (the requested one, else the lowest free).</summary>
    public static async Task<NetworkInterface> CreateAsync(ControlPlaneDbContext db, IIdGenerator ids, RequestContext request, ControlPlaneOptions options,
        Subnet subnet, Spec spec, string? privateIp, IReadOnlyList<SecurityGroup> groups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.NetworkInterfaces.CountAsync(cancellationToken) >= options.Quotas.NetworkInterfacesPerRegion) throw Ec2Errors.NetworkInterfaceLimitExceeded();
        var eni = new NetworkInterface
        {
            AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.NetworkInterface), SubnetId = subnet.Id,
            VpcId = subnet.VpcId, AvailabilityZone = subnet.AvailabilityZone, Description = spec.Description, InterfaceType = spec.InterfaceType,
            RequesterManaged = spec.RequesterManaged, RequesterId = spec.RequesterId, ManagedByResourceId = spec.OwnerResourceId,
            SourceDestCheck = spec.SourceDestCheck, MacAddress = MacAddresses.New(),
        };
        if (spec.AttachmentPrefix is { } prefix)
        {
            eni.AttachmentId = ids.NewId(prefix);
            eni.AttachmentInstanceOwnerId = spec.AttachmentOwner;
            eni.DeviceIndex = spec.DeviceIndex;
            eni.NetworkCardIndex = 0;
            eni.DeleteOnTermination = spec.DeleteOnTermination;
            eni.AttachmentStatus = "attached";
            eni.AttachTime = now;
            eni.Status = "in-use";
        }
        eni.SetGroups(groups);
        var block = InterfaceQueries.Ipv4Block(subnet);
        IReadOnlyList<string> requested = privateIp is null ? [] : [block.RequireAssignable(privateIp, subnet.Id)];
        // Addresses of interfaces added earlier in the same request (a cache cluster's nodes, a load balancer's subnets)
        // are not in the database yet.
        var used = (await db.UsedIpv4Async(subnet.Id, cancellationToken))
            .Concat(db.NetworkInterfacePrivateIps.Local.Where(p => p.SubnetId == subnet.Id).Select(p => p.Address)).ToList();
        var address = block.TakeIpv4(used, requested, requested.Count == 0 ? 1 : 0, subnet.Id)[0];
        eni.PrivateIpAddresses.Add(new NetworkInterfacePrivateIp { NetworkInterfaceId = eni.Id, SubnetId = subnet.Id, Address = address, Primary = true });
        db.NetworkInterfaces.Add(eni);
        return eni;
    }

    /// <summary>Deletes the interface with its addresses, groups and tags; its Elastic IP is disassociated and stays allocated.</summary>
    public static async Task DeleteAsync(ControlPlaneDbContext db, TagStore tags, string id, CancellationToken cancellationToken)
    {
        await db.NetworkInterfacePrivateIps.Where(p => p.NetworkInterfaceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.NetworkInterfaceIpv6Addresses.Where(p => p.NetworkInterfaceId == id).ExecuteDeleteAsync(cancellationToken);
        await db.NetworkInterfaceGroups.Where(g => g.NetworkInterfaceId == id).ExecuteDeleteAsync(cancellationToken);
        await AddressAssociations.DisassociateFromInterfaceAsync(db, id, cancellationToken);
        await tags.RemoveAllAsync(id, cancellationToken);
        await db.NetworkInterfaces.Where(n => n.Id == id).ExecuteDeleteAsync(cancellationToken);
    }
}

using System.Globalization;
using ControlPlane.Application.Features.Regions;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Networking;
using Model = ControlPlane.Domain.Model;
using Tag = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// How a network interface reads on the wire, and the DescribeNetworkInterfaces filter table (every filter AWS lists).
/// Terraform reads <c>privateIpAddressesSet</c> and <c>groupSet</c> on every refresh: without them it replaces the
/// interface or shows drift.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInterfaces.html
/// </summary>
public static class NetworkInterfaceViews
{
    public const string ResourceType = "network-interface";

    public sealed record Row(Model.NetworkInterface Interface, IReadOnlyList<Tag> Tags, IReadOnlyDictionary<string, string> GroupNames);

    public static InterfaceShapes.NetworkInterface ToShape(Row row, string? status = null)
    {
        var eni = row.Interface;
        var region = eni.Region;
        var addresses = PrivateIps(eni).ToList();
        var primary = addresses.FirstOrDefault(p => p.Primary) ?? addresses.FirstOrDefault();
        var association = Association(eni);
        return new InterfaceShapes.NetworkInterface(
            eni.Id, eni.SubnetId, eni.VpcId, eni.AvailabilityZone, ZoneId(region, eni.AvailabilityZone), eni.Description, eni.AccountId,
            eni.RequesterId, eni.RequesterManaged, status ?? eni.Status, eni.MacAddress,
            primary?.Address ?? "", primary is null ? "" : PrivateDnsName(primary.Address, region), eni.SourceDestCheck,
            Groups(eni, row.GroupNames), Attachment(eni), association,
            addresses.Select(p => new InterfaceShapes.NetworkInterfacePrivateIpAddress(
                p.Primary ? association : null, p.Primary, PrivateDnsName(p.Address, region), p.Address)).ToList(),
            Ipv6(eni).Select(a => new InterfaceShapes.NetworkInterfaceIpv6Address(a, false)).ToList(),
            eni.InterfaceType, Ipv6Native: false, new InterfaceShapes.OperatorResponse(Managed: false), row.Tags);
    }

    /// <summary>The primary address first, then the secondary ones in address order.</summary>
    public static IEnumerable<Model.NetworkInterfacePrivateIp> PrivateIps(Model.NetworkInterface eni) =>
        eni.PrivateIpAddresses.OrderByDescending(p => p.Primary).ThenBy(p => AddressOrder(p.Address));

    public static IEnumerable<string> Ipv6(Model.NetworkInterface eni) => eni.Ipv6Addresses.Select(a => a.Address).OrderBy(AddressOrder);

    /// <summary>Groups in the order they were given.</summary>
    public static IReadOnlyList<InterfaceShapes.GroupIdentifier> Groups(Model.NetworkInterface eni, IReadOnlyDictionary<string, string> names) =>
        eni.Groups.OrderBy(g => g.Position).Select(g => new InterfaceShapes.GroupIdentifier(g.GroupId, names.GetValueOrDefault(g.GroupId))).ToList();

    public static InterfaceShapes.NetworkInterfaceAttachment? Attachment(Model.NetworkInterface eni) =>
        eni.AttachmentId is null
            ? null
            : new InterfaceShapes.NetworkInterfaceAttachment(eni.AttachmentId, eni.AttachTime, eni.DeleteOnTermination, eni.DeviceIndex,
                eni.NetworkCardIndex, eni.AttachedInstanceId, eni.AttachmentInstanceOwnerId, eni.AttachmentStatus);

    /// <summary>A public or elastic IPv4 address, associated with the primary private address.</summary>
    public static InterfaceShapes.NetworkInterfaceAssociation? Association(Model.NetworkInterface eni) =>
        eni.PublicIp is null
            ? null
            : new InterfaceShapes.NetworkInterfaceAssociation(eni.PublicIpAllocationId, eni.PublicIpAssociationId, eni.PublicIpOwnerId,
                PublicDnsName(eni.PublicIp, eni.Region), eni.PublicIp);

    /// <summary><c>ip-10-0-1-5.ec2.internal</c> in us-east-1, <c>ip-10-0-1-5.eu-west-1.compute.internal</c> elsewhere.
    /// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html#vpc-dns-hostnames</summary>
    public static string PrivateDnsName(string address, string region) =>
        region == "us-east-1" ? $"ip-{Dashed(address)}.ec2.internal" : $"ip-{Dashed(address)}.{region}.compute.internal";

    /// <summary><c>ec2-203-0-113-25.compute-1.amazonaws.com</c> in us-east-1, <c>ec2-….eu-west-1.compute.amazonaws.com</c> elsewhere.</summary>
    public static string PublicDnsName(string address, string region) =>
        region == "us-east-1" ? $"ec2-{Dashed(address)}.compute-1.amazonaws.com" : $"ec2-{Dashed(address)}.{region}.compute.amazonaws.com";

    public static string Arn(Model.NetworkInterface eni) => $"arn:aws:ec2:{eni.Region}:{eni.AccountId}:{ResourceType}/{eni.Id}";

    private static string Dashed(string address) => address.Replace('.', '-');

    private static string? ZoneId(string region, string zone) =>
        RegionCatalog.Get(region).Zones.FirstOrDefault(z => z.ZoneName == zone)?.ZoneId;

    private static UInt128 AddressOrder(string address) => Cidr.TryParseAddress(address, out var value, out _) ? value : UInt128.MaxValue;

    private static IEnumerable<string?> Bool(bool? value) => value is { } v ? FilterValues.Bool(v) : [];

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["addresses.association.owner-id"] = r => FilterValues.One(r.Interface.PublicIpOwnerId),
        ["addresses.association.public-ip"] = r => FilterValues.One(r.Interface.PublicIp),
        ["addresses.primary"] = r => r.Interface.PrivateIpAddresses.Select(p => p.Primary ? "true" : "false"),
        ["addresses.private-ip-address"] = r => r.Interface.PrivateIpAddresses.Select(p => p.Address),
        ["association.allocation-id"] = r => FilterValues.One(r.Interface.PublicIpAllocationId),
        ["association.association-id"] = r => FilterValues.One(r.Interface.PublicIpAssociationId),
        ["association.ip-owner-id"] = r => FilterValues.One(r.Interface.PublicIpOwnerId),
        ["association.public-dns-name"] = r => FilterValues.One(r.Interface.PublicIp is { } ip ? PublicDnsName(ip, r.Interface.Region) : null),
        ["association.public-ip"] = r => FilterValues.One(r.Interface.PublicIp),
        ["attachment.attach-time"] = r => FilterValues.One(r.Interface.AttachTime?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        ["attachment.attachment-id"] = r => FilterValues.One(r.Interface.AttachmentId),
        ["attachment.delete-on-termination"] = r => Bool(r.Interface.DeleteOnTermination),
        ["attachment.device-index"] = r => FilterValues.Int(r.Interface.DeviceIndex),
        ["attachment.instance-id"] = r => FilterValues.One(r.Interface.AttachedInstanceId),
        ["attachment.instance-owner-id"] = r => FilterValues.One(r.Interface.AttachmentInstanceOwnerId),
        ["attachment.status"] = r => FilterValues.One(r.Interface.AttachmentStatus),
        ["availability-zone"] = r => FilterValues.One(r.Interface.AvailabilityZone),
        ["availability-zone-id"] = r => FilterValues.One(ZoneId(r.Interface.Region, r.Interface.AvailabilityZone)),
        ["description"] = r => FilterValues.One(r.Interface.Description),
        ["group-id"] = r => r.Interface.Groups.Select(g => g.GroupId),
        ["group-name"] = r => r.Interface.Groups.Select(g => r.GroupNames.GetValueOrDefault(g.GroupId)),
        ["interface-type"] = r => FilterValues.One(r.Interface.InterfaceType),
        ["ipv6-addresses.ipv6-address"] = r => r.Interface.Ipv6Addresses.Select(a => a.Address),
        ["mac-address"] = r => FilterValues.One(r.Interface.MacAddress),
        ["network-interface-id"] = r => FilterValues.One(r.Interface.Id),
        ["operator.managed"] = _ => FilterValues.Bool(false),
        ["operator.principal"] = _ => [],
        ["owner-id"] = r => FilterValues.One(r.Interface.AccountId),
        ["private-dns-name"] = r => r.Interface.PrivateIpAddresses.Select(p => PrivateDnsName(p.Address, r.Interface.Region)),
        ["private-ip-address"] = r => r.Interface.PrivateIpAddresses.Select(p => p.Address),
        ["requester-id"] = r => FilterValues.One(r.Interface.RequesterId),
        ["requester-managed"] = r => FilterValues.Bool(r.Interface.RequesterManaged),
        ["source-dest-check"] = r => FilterValues.Bool(r.Interface.SourceDestCheck),
        ["status"] = r => FilterValues.One(r.Interface.Status),
        ["subnet-id"] = r => FilterValues.One(r.Interface.SubnetId),
        ["vpc-id"] = r => FilterValues.One(r.Interface.VpcId),
    }, r => r.Tags);
}

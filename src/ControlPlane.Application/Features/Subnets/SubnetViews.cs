using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using Microsoft.EntityFrameworkCore;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Subnets;

/// <summary>How a subnet reads on the wire, and the DescribeSubnets filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSubnets.html</summary>
public static class SubnetViews
{
    /// <summary>AWS reserves the network address, the next three (router, DNS, future use) and the broadcast address.</summary>
    public const int ReservedAddresses = 5;

    public sealed record Row(Subnet Subnet, IReadOnlyList<Shape.Tag> Tags, int UsedAddresses);

    /// <summary>
    /// Private IPv4 addresses in use per subnet of the scope, in one grouped query (joined through the scope's
    /// interfaces, so the scope filter applies).
    /// </summary>
    public static Task<Dictionary<string, int>> UsedAddressesAsync(ControlPlaneDbContext db, CancellationToken cancellationToken) =>
        (from address in db.NetworkInterfacePrivateIps
         join eni in db.NetworkInterfaces on address.NetworkInterfaceId equals eni.Id
         group address by address.SubnetId into bySubnet
         select new { SubnetId = bySubnet.Key, Count = bySubnet.Count() })
        .ToDictionaryAsync(g => g.SubnetId, g => g.Count, StringComparer.Ordinal, cancellationToken);

    public static int AvailableAddresses(Subnet subnet, int used) =>
        Cidr.TryParse(subnet.CidrBlock, out var c) ? (int)c.Size - ReservedAddresses - used : 0;

    public static string Arn(Subnet s) => $"arn:aws:ec2:{s.Region}:{s.AccountId}:subnet/{s.Id}";

    public static Shape.Subnet ToShape(Row row)
    {
        var s = row.Subnet;
        return new Shape.Subnet(
            s.Id, Arn(s), s.VpcId, s.AccountId, s.State, s.CidrBlock, AvailableAddresses(s, row.UsedAddresses),
            s.AvailabilityZone, s.AvailabilityZoneId, s.DefaultForAz, s.MapPublicIpOnLaunch, s.MapCustomerOwnedIpOnLaunch,
            s.AssignIpv6AddressOnCreation,
            s.Ipv6CidrBlocks.Select(c => new Shape.SubnetIpv6CidrBlockAssociation(c.AssociationId, c.Cidr, new Shape.SubnetCidrBlockState(c.State))).ToList(),
            s.EnableDns64, s.Ipv6Native, s.EnableLniAtDeviceIndex,
            new Shape.PrivateDnsNameOptionsOnLaunch(s.PrivateDnsHostnameTypeOnLaunch, s.EnableResourceNameDnsARecordOnLaunch, s.EnableResourceNameDnsAaaaRecordOnLaunch),
            row.Tags);
    }

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["availability-zone"] = r => FilterValues.One(r.Subnet.AvailabilityZone),
        ["availability-zone-id"] = r => FilterValues.One(r.Subnet.AvailabilityZoneId),
        ["available-ip-address-count"] = r => FilterValues.Int(AvailableAddresses(r.Subnet, r.UsedAddresses)),
        ["cidr-block"] = r => FilterValues.One(r.Subnet.CidrBlock),
        ["cidr"] = r => FilterValues.One(r.Subnet.CidrBlock),
        ["cidrBlock"] = r => FilterValues.One(r.Subnet.CidrBlock),
        ["customer-owned-ipv4-pool"] = _ => [],
        ["default-for-az"] = r => FilterValues.Bool(r.Subnet.DefaultForAz),
        ["defaultForAz"] = r => FilterValues.Bool(r.Subnet.DefaultForAz),
        ["enable-dns64"] = r => FilterValues.Bool(r.Subnet.EnableDns64),
        ["enable-lni-at-device-index"] = r => FilterValues.Int(r.Subnet.EnableLniAtDeviceIndex),
        ["ipv6-cidr-block-association.ipv6-cidr-block"] = r => r.Subnet.Ipv6CidrBlocks.Select(c => c.Cidr),
        ["ipv6-cidr-block-association.association-id"] = r => r.Subnet.Ipv6CidrBlocks.Select(c => c.AssociationId),
        ["ipv6-cidr-block-association.state"] = r => r.Subnet.Ipv6CidrBlocks.Select(c => c.State),
        ["ipv6-native"] = r => FilterValues.Bool(r.Subnet.Ipv6Native),
        ["map-customer-owned-ip-on-launch"] = r => FilterValues.Bool(r.Subnet.MapCustomerOwnedIpOnLaunch),
        ["map-public-ip-on-launch"] = r => FilterValues.Bool(r.Subnet.MapPublicIpOnLaunch),
        ["outpost-arn"] = _ => [],
        ["owner-id"] = r => FilterValues.One(r.Subnet.AccountId),
        ["private-dns-name-options-on-launch.hostname-type"] = r => FilterValues.One(r.Subnet.PrivateDnsHostnameTypeOnLaunch),
        ["private-dns-name-options-on-launch.enable-resource-name-dns-a-record"] = r => FilterValues.Bool(r.Subnet.EnableResourceNameDnsARecordOnLaunch),
        ["private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record"] = r => FilterValues.Bool(r.Subnet.EnableResourceNameDnsAaaaRecordOnLaunch),
        ["state"] = r => FilterValues.One(r.Subnet.State),
        ["subnet-arn"] = r => FilterValues.One(Arn(r.Subnet)),
        ["subnet-id"] = r => FilterValues.One(r.Subnet.Id),
        ["vpc-id"] = r => FilterValues.One(r.Subnet.VpcId),
    }, r => r.Tags);
}

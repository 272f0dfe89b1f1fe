using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>How an Elastic IP address reads on the wire, and the DescribeAddresses filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Address.html</summary>
public static class AddressViews
{
    public const string ResourceType = "elastic-ip";

    /// <summary>EC2-Classic is retired: every address is of the <c>vpc</c> domain.</summary>
    public const string Domain = "vpc";

    /// <summary>The only pool: Amazon's. BYOIP, IPAM and customer-owned (Outposts) pools are not emulated.</summary>
    public const string AmazonPool = "amazon";

    /// <summary>The Address shape of the EC2 model, members named as the model names them.</summary>
    public sealed record Address(
        string AllocationId, string? AssociationId, string Domain, string? InstanceId, string NetworkBorderGroup, string? NetworkInterfaceId,
        string? NetworkInterfaceOwnerId, string? PrivateIpAddress, string PublicIp, string PublicIpv4Pool, IReadOnlyList<Shape.Tag> Tags);

    /// <summary>An address with what it is associated with now: the instance is the one its interface is attached to at the moment.</summary>
    public sealed record Row(ElasticIp Eip, string? InstanceId, string? InterfaceOwnerId, IReadOnlyList<Shape.Tag> Tags);

    public static Address ToShape(Row row) =>
        new(row.Eip.Id, row.Eip.AssociationId, Domain, row.InstanceId, row.Eip.NetworkBorderGroup, row.Eip.NetworkInterfaceId,
            row.InterfaceOwnerId, row.Eip.PrivateIpAddress, row.Eip.PublicIp, AmazonPool, row.Tags);

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["allocation-id"] = r => FilterValues.One(r.Eip.Id),
        ["association-id"] = r => FilterValues.One(r.Eip.AssociationId),
        ["domain"] = _ => FilterValues.One(Domain),
        ["instance-id"] = r => FilterValues.One(r.InstanceId),
        ["network-border-group"] = r => FilterValues.One(r.Eip.NetworkBorderGroup),
        ["network-interface-id"] = r => FilterValues.One(r.Eip.NetworkInterfaceId),
        ["network-interface-owner-id"] = r => FilterValues.One(r.InterfaceOwnerId),
        ["private-ip-address"] = r => FilterValues.One(r.Eip.PrivateIpAddress),
        ["public-ip"] = r => FilterValues.One(r.Eip.PublicIp),
        ["public-ipv4-pool"] = _ => FilterValues.One(AmazonPool),
    }, r => r.Tags);
}

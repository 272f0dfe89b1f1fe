using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>How a route table reads on the wire, and the DescribeRouteTables filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html</summary>
public static class RouteTableViews
{
    /// <summary>A table with the routes it shows (the local routes and the stored ones), so filters see what Describe shows.</summary>
    public sealed record Row(RouteTable Table, IReadOnlyList<Shape.Route> Routes, IReadOnlyList<Shape.Tag> Tags);

    /// <summary>The target of a VPC's local routes.</summary>
    public const string LocalGateway = "local";

    public static Row ToRow(RouteTable table, Vpc? vpc, IReadOnlyList<Shape.Tag> tags) =>
        new(table, LocalRoutes(vpc).Concat(table.Routes.OrderBy(r => r.Id).Select(ToShape)).ToList(), tags);

    /// <summary>
    /// Every route table has a local route for each CIDR block of its VPC (IPv4 primary first, then the secondary
    /// blocks, then IPv6). They are not stored: they follow the VPC's blocks and cannot be deleted.
    /// https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#route-table-routes
    /// </summary>
    public static IEnumerable<Shape.Route> LocalRoutes(Vpc? vpc) => vpc is null ? [] :
        VpcViews.Ipv4Blocks(vpc).Select(c => new Shape.Route(c.Cidr, null, LocalGateway, "CreateRouteTable", "active"))
            .Concat(vpc.CidrBlocks.Where(c => c.IsIpv6).Select(c => new Shape.Route(null, c.Cidr, LocalGateway, "CreateRouteTable", "active")));

    private static Shape.Route ToShape(Route r) => new(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock, r.GatewayId, r.Origin, r.State);

    public static Shape.RouteTable ToShape(Row row)
    {
        var t = row.Table;
        return new Shape.RouteTable(
            t.Id, t.VpcId, t.AccountId,
            t.Associations.OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => new Shape.RouteTableAssociation(a.Id, a.RouteTableId, a.Main, a.SubnetId, a.GatewayId, new Shape.RouteTableAssociationState(a.State)))
                .ToList(),
            row.Routes, [], row.Tags);
    }


    /// <summary>
    /// Association filters match the values of the table's associations: <c>association.main=false</c> finds tables with
    /// a subnet or gateway association, and a table without associations matches no association filter.
    /// Route targets the store does not hold yet (NAT gateways, peering, ...) have no values.
    /// </summary>
    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["association.gateway-id"] = r => r.Table.Associations.Select(a => a.GatewayId),
        ["association.route-table-association-id"] = r => r.Table.Associations.Select(a => a.Id),
        ["association.route-table-id"] = r => r.Table.Associations.Select(a => a.RouteTableId),
        ["association.subnet-id"] = r => r.Table.Associations.Select(a => a.SubnetId),
        ["association.main"] = r => r.Table.Associations.SelectMany(a => FilterValues.Bool(a.Main)),
        ["owner-id"] = r => FilterValues.One(r.Table.AccountId),
        ["route-table-id"] = r => FilterValues.One(r.Table.Id),
        ["route.destination-cidr-block"] = r => r.Routes.Select(x => x.DestinationCidrBlock),
        ["route.destination-ipv6-cidr-block"] = r => r.Routes.Select(x => x.DestinationIpv6CidrBlock),
        ["route.destination-prefix-list-id"] = _ => [],
        ["route.egress-only-internet-gateway-id"] = _ => [],
        ["route.gateway-id"] = r => r.Routes.Select(x => x.GatewayId),
        ["route.instance-id"] = _ => [],
        ["route.nat-gateway-id"] = _ => [],
        ["route.transit-gateway-id"] = _ => [],
        ["route.origin"] = r => r.Routes.Select(x => x.Origin),
        ["route.state"] = r => r.Routes.Select(x => x.State),
        ["route.vpc-peering-connection-id"] = _ => [],
        ["vpc-id"] = r => FilterValues.One(r.Table.VpcId),
    }, r => r.Tags);
}

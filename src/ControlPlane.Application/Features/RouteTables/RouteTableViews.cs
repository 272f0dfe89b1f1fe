using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>How a route table reads on the wire, and the DescribeRouteTables filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html</summary>
public static class RouteTableViews
{
    public const string ResourceType = "route-table";

    /// <summary>A table with the routes it shows (the local routes and the stored ones), so filters see what Describe shows.</summary>
    public sealed record Row(RouteTable Table, IReadOnlyList<RouteShape> Routes, IReadOnlyList<Shape.Tag> Tags);

    /// <summary>The target of a VPC's local routes.</summary>
    public const string LocalGateway = "local";

    /// <summary>Origin of the local routes (and of a local route whose target ReplaceRoute changed); other routes are <c>CreateRoute</c>.</summary>
    public const string LocalOrigin = "CreateRouteTable";
    public const string CreateRouteOrigin = "CreateRoute";

    /// <summary>
    /// Every route table has a local route for each CIDR block of its VPC (IPv4 primary first, then the secondary
    /// blocks, then IPv6). They are not stored: they follow the VPC's blocks and cannot be deleted. ReplaceRoute may
    /// point one at a network interface (middlebox routing); that replacement is stored under the block's destination
    /// and shown in the local route's place until ReplaceRoute's LocalTarget resets it.
    /// https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#route-table-routes
    /// </summary>
    public static IEnumerable<Cidr> LocalBlocks(Vpc vpc) =>
        VpcViews.Ipv4Blocks(vpc).Concat(vpc.CidrBlocks.Where(c => c.IsIpv6))
            .Select(c => Cidr.TryParse(c.Cidr, out var block) ? block : (Cidr?)null).OfType<Cidr>();

    public static Row ToRow(RouteTable table, Vpc? vpc, RouteTargetState targets, IReadOnlyList<Shape.Tag> tags)
    {
        var stored = table.Routes.OrderBy(r => r.Id).ToList();
        var byDestination = stored.ToDictionary(r => r.Destination, StringComparer.Ordinal);
        var routes = new List<RouteShape>();
        var shown = new HashSet<long>();
        foreach (var block in vpc is null ? [] : LocalBlocks(vpc))
        {
            var destination = block.ToString();
            if (byDestination.TryGetValue(destination, out var replaced))
            {
                routes.Add(ToShape(replaced, table, targets));
                shown.Add(replaced.Id);
                continue;
            }
            routes.Add(new RouteShape(block.IsIpv6 ? null : destination, block.IsIpv6 ? destination : null, null,
                LocalGateway, null, null, null, null, null, null, null, LocalOrigin, RouteTargetState.Active));
        }
        routes.AddRange(stored.Where(r => !shown.Contains(r.Id)).Select(r => ToShape(r, table, targets)));
        return new Row(table, routes, tags);
    }

    private static RouteShape ToShape(Route r, RouteTable table, RouteTargetState targets)
    {
        var instance = targets.InstanceOf(r);
        return new RouteShape(r.DestinationCidrBlock, r.DestinationIpv6CidrBlock, r.DestinationPrefixListId,
            r.GatewayId, r.EgressOnlyInternetGatewayId, r.NatGatewayId, r.NetworkInterfaceId,
            instance, instance is null ? null : table.AccountId, r.VpcPeeringConnectionId, r.TransitGatewayId,
            r.Origin, targets.StateOf(r, table.VpcId));
    }

    public static Shape.RouteTableAssociation ToShape(RouteTableAssociation a) =>
        new(a.Id, a.RouteTableId, a.Main, a.SubnetId, a.GatewayId, new Shape.RouteTableAssociationState(a.State));

    public static RouteTableShape ToShape(Row row)
    {
        var t = row.Table;
        return new RouteTableShape(
            t.Id, t.VpcId, t.AccountId,
            t.Associations.OrderBy(a => a.Id, StringComparer.Ordinal).Select(ToShape).ToList(),
            row.Routes, [], row.Tags);
    }

    /// <summary>
    /// Association filters match the values of the table's associations: <c>association.main=false</c> finds tables with
    /// a subnet or gateway association, and a table without associations matches no association filter. Route filters
    /// match the routes as shown, local routes and computed states included.
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
        ["route.destination-prefix-list-id"] = r => r.Routes.Select(x => x.DestinationPrefixListId),
        ["route.egress-only-internet-gateway-id"] = r => r.Routes.Select(x => x.EgressOnlyInternetGatewayId),
        ["route.gateway-id"] = r => r.Routes.Select(x => x.GatewayId),
        ["route.instance-id"] = r => r.Routes.Select(x => x.InstanceId),
        ["route.nat-gateway-id"] = r => r.Routes.Select(x => x.NatGatewayId),
        ["route.transit-gateway-id"] = r => r.Routes.Select(x => x.TransitGatewayId),
        ["route.origin"] = r => r.Routes.Select(x => x.Origin),
        ["route.state"] = r => r.Routes.Select(x => x.State),
        ["route.vpc-peering-connection-id"] = r => r.Routes.Select(x => x.VpcPeeringConnectionId),
        ["vpc-id"] = r => FilterValues.One(r.Table.VpcId),
    }, r => r.Tags);
}

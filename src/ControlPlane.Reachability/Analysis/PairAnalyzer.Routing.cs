using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Answers.ExplanationCodes;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// The route table hop: the subnet's table, longest prefix match, then what the route's target does with the packet
/// (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).
/// </summary>
internal sealed partial class PairAnalyzer
{
    /// <summary>
    /// Routes <paramref name="destination"/> from <paramref name="from"/>'s subnet; <paramref name="toInterface"/> is the
    /// destination interface when there is one. Returns the gateway or peering hop the packet leaves through, if any.
    /// </summary>
    private Hop? Route(PathBuilder path, EniSide from, Host destination, EniSide? toInterface)
    {
        var subnet = from.Subnet;
        if (subnet?.RouteTable is not { } table)
        {
            path.Block(_explain.NoRoute(null, subnet, destination));
            return null;
        }
        var route = table.Lookup(destination);
        path.Add(new RouteHop(table, route, subnet));
        if (route is null)
        {
            path.Block(_explain.NoRoute(table, subnet, destination));
            return null;
        }
        if (route.State == RouteState.Blackhole)
        {
            path.Block(_explain.RouteCode(BadStateRoute, table, route, destination, $"The route to {Destination(route)} in {table.Id} is a blackhole: its target {route.TargetId} is gone."));
            return null;
        }
        switch (route.TargetKind)
        {
            case RouteTargetKind.Local:
                if (!(index.Vpcs.TryGetValue(table.View.VpcId, out var vpc) && vpc.Contains(destination)))
                {
                    path.Block(_explain.RouteCode(VpcLocalRouteCidrRestriction, table, route, destination, $"The local route of {table.View.VpcId} only reaches addresses of that VPC, not {destination}."));
                }
                return null;
            case RouteTargetKind.VpcPeeringConnection:
                return Peering(path, table, route, destination, toInterface is null);
            case RouteTargetKind.InternetGateway or RouteTargetKind.EgressOnlyInternetGateway:
                return InternetEgress(path, table, route, from, destination, toInterface);
            default:
                path.Block(_explain.RouteCode(UnsupportedComponent, table, route, destination, $"{table.Id} sends {destination} to {route.TargetKind} {route.TargetId}, which the evaluator does not model."));
                return null;
        }
    }

    /// <summary>
    /// A peering connection carries traffic only when active and only to addresses in the other VPC's CIDR blocks
    /// (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html). A connection the view lacks makes the
    /// route a blackhole; an external destination in an other side outside the view is an unknown destination (it ends
    /// the analysis).
    /// </summary>
    private Hop? Peering(PathBuilder path, CompiledRouteTable table, RouteView route, Host destination, bool external)
    {
        if (!index.Peerings.TryGetValue(route.TargetId, out var peering))
        {
            path.Block(_explain.RouteCode(BadStateRoute, table, route, destination, $"{route.TargetId} is not a peering connection of this network: AWS shows the route as a blackhole."));
            return null;
        }
        var hop = new PeeringHop(peering);
        path.Add(hop);
        var vpcId = table.View.VpcId;
        if (!peering.IsActive) path.Block(_explain.Peering(BadState, peering, destination, $"{peering.Id} is {peering.View.Status}, not active."));
        if (!peering.OtherSideContains(vpcId, destination))
        {
            path.Block(_explain.Peering(PcxRequiresAddressInVpcCidr, peering, destination, $"{destination} is not in the CIDR blocks of {peering.OtherSide(vpcId).VpcId}, the other side of {peering.Id}."));
        }
        else if (external && peering.IsActive && !index.Vpcs.ContainsKey(peering.OtherSide(vpcId).VpcId))
        {
            _configuration = _explain.Peering(UnknownDestination, peering, destination, $"{destination} is in {peering.OtherSide(vpcId).VpcId}, which is not in this network: the path ends at {peering.Id}.");
        }
        return hop;
    }

    /// <summary>
    /// An internet gateway sends IPv4 traffic out only from an address with a public or elastic IP and never to RFC 1918
    /// or RFC 6598 destinations; an egress-only gateway carries IPv6 only. A destination that is an interface of the view
    /// would come back in through the internet: AWS does not analyse that (IGW_NAT_REFLECTION).
    /// </summary>
    private Hop? InternetEgress(PathBuilder path, CompiledRouteTable table, RouteView route, EniSide from, Host destination, EniSide? toInterface)
    {
        var kind = route.TargetKind == RouteTargetKind.InternetGateway ? GatewayKind.InternetGateway : GatewayKind.EgressOnlyInternetGateway;
        if (!index.Gateways.TryGetValue(route.TargetId, out var gateway) || gateway.Kind != kind || gateway.VpcId != table.View.VpcId)
        {
            path.Block(_explain.RouteCode(BadStateRoute, table, route, destination, $"{route.TargetId} is not attached to {table.View.VpcId}: AWS shows the route as a blackhole."));
            return null;
        }
        var hop = new GatewayHop(gateway);
        path.Add(hop);
        var blocked = false;
        if (kind == GatewayKind.InternetGateway && !plan.Ipv6)
        {
            if (from.PublicIp is null)
            {
                blocked = true;
                path.Block(_explain.Gateway(IgwPublicIpAssociationForEgress, gateway, from.Host, $"{from.Host} has no public or elastic IP: {gateway.Id} cannot send its traffic to the internet."));
            }
            var code = destination.IsRfc1918 ? IgwDestinationNotInRfc1918Egress : destination.IsRfc6598 ? IgwDestinationNotInRfc6598Egress : null;
            if (code is not null)
            {
                blocked = true;
                path.Block(_explain.Gateway(code, gateway, destination, $"{gateway.Id} drops traffic to the non-public address {destination}."));
            }
        }
        else if (kind == GatewayKind.EgressOnlyInternetGateway && !plan.Ipv6)
        {
            blocked = true;
            path.Block(_explain.NoRoute(table, from.Subnet, destination, route));
        }
        if (toInterface is not null && !blocked)
        {
            path.Block(_explain.Gateway(IgwNatReflection, gateway, destination, $"{destination} is in this network but {table.Id} sends it to {gateway.Id}: a path out and back in through the internet is not analysed."));
        }
        return hop;
    }

    /// <summary>The reply to internet ingress must leave through the gateway it came in by.</summary>
    private void RouteBack(PathBuilder path, EniSide from, Host destination, GatewayView gateway)
    {
        var subnet = from.Subnet;
        if (subnet?.RouteTable is not { } table)
        {
            path.Block(_explain.NoRoute(null, subnet, destination));
            return;
        }
        var route = table.Lookup(destination);
        path.Add(new RouteHop(table, route, subnet));
        if (route is null) path.Block(_explain.NoRoute(table, subnet, destination));
        else if (route.State == RouteState.Blackhole) path.Block(_explain.RouteCode(BadStateRoute, table, route, destination, $"The route to {Destination(route)} in {table.Id} is a blackhole."));
        else if (route.TargetKind != RouteTargetKind.InternetGateway || route.TargetId != gateway.Id) path.Block(_explain.NoRoute(table, subnet, destination, route));
        else path.Add(new GatewayHop(gateway));
    }

    private static string Destination(RouteView route) => route.DestinationCidr?.ToString() ?? route.DestinationPrefixListId ?? "?";
}

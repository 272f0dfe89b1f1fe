using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Answers.ExplanationCodes;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// What a subnet's route table does with a packet: the route chosen, the peering connection or gateway it leads to, and
/// every code that blocks it, in the order they are reported. <see cref="UnknownDestination"/>: the packet leaves into a
/// peer VPC the view does not hold (a configuration code that ends the analysis).
/// </summary>
internal sealed record RouteVerdict(CompiledRouteTable? Table, RouteView? Route, CompiledPeering? Peering, GatewayView? Gateway, string[] Blocks, bool UnknownDestination)
{
    public bool Passes => Blocks.Length == 0 && !UnknownDestination;
}

/// <summary>
/// The route table hop, once for the analysis and the many-pair answers: the subnet's table, longest prefix match,
/// then what the route's target does with the packet (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html).
/// </summary>
internal static class RouteEvaluation
{
    /// <summary>
    /// Routes <paramref name="destination"/> out of <paramref name="subnet"/>. <paramref name="sourcePublicIp"/>: whether
    /// the source address has a public or elastic IP; <paramref name="toInterface"/>: the destination is an interface of the view.
    /// </summary>
    public static RouteVerdict Toward(NetworkIndex index, CompiledSubnet? subnet, bool sourcePublicIp, Host destination, bool toInterface)
    {
        if (subnet?.RouteTable is not { } table) return new RouteVerdict(null, null, null, null, [NoRouteToDestination], false);
        var route = table.Lookup(destination);
        if (route is null) return Blocked(table, null, NoRouteToDestination);
        if (route.State == RouteState.Blackhole) return Blocked(table, route, BadStateRoute);
        return route.TargetKind switch
        {
            // The local route only delivers inside its VPC's CIDR blocks.
            RouteTargetKind.Local => index.Vpcs.TryGetValue(table.View.VpcId, out var vpc) && vpc.Contains(destination)
                ? new RouteVerdict(table, route, null, null, [], false)
                : Blocked(table, route, VpcLocalRouteCidrRestriction),
            RouteTargetKind.VpcPeeringConnection => Peering(index, table, route, destination, toInterface),
            RouteTargetKind.InternetGateway or RouteTargetKind.EgressOnlyInternetGateway => Internet(index, table, route, sourcePublicIp, destination, toInterface),
            _ => Blocked(table, route, UnsupportedComponent),
        };
    }

    /// <summary>
    /// A peering connection carries traffic only when active and only to addresses in the other VPC's CIDR blocks
    /// (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html). A connection the view lacks leaves the
    /// route a blackhole; an external address in a peer VPC outside the view is an unknown destination.
    /// </summary>
    private static RouteVerdict Peering(NetworkIndex index, CompiledRouteTable table, RouteView route, Host destination, bool toInterface)
    {
        if (!index.Peerings.TryGetValue(route.TargetId, out var peering)) return Blocked(table, route, BadStateRoute);
        var vpcId = table.View.VpcId;
        var inOtherVpc = peering.OtherSideContains(vpcId, destination);
        string[] blocks = (peering.IsActive, inOtherVpc) switch
        {
            (true, true) => [],
            (true, false) => [PcxRequiresAddressInVpcCidr],
            (false, true) => [BadState],
            (false, false) => [BadState, PcxRequiresAddressInVpcCidr],
        };
        var unknown = !toInterface && blocks.Length == 0 && !index.Vpcs.ContainsKey(peering.OtherSide(vpcId).VpcId);
        return new RouteVerdict(table, route, peering, null, blocks, unknown);
    }

    /// <summary>
    /// An internet gateway sends IPv4 out only from an address with a public or elastic IP and never to RFC 1918 or
    /// RFC 6598 destinations; an egress-only gateway carries IPv6 only
    /// (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html). A destination that is an interface of
    /// the view would come back in through the internet, which AWS does not analyse (IGW_NAT_REFLECTION).
    /// </summary>
    private static RouteVerdict Internet(NetworkIndex index, CompiledRouteTable table, RouteView route, bool sourcePublicIp, Host destination, bool toInterface)
    {
        var kind = route.TargetKind == RouteTargetKind.InternetGateway ? GatewayKind.InternetGateway : GatewayKind.EgressOnlyInternetGateway;
        if (!index.Gateways.TryGetValue(route.TargetId, out var gateway) || gateway.Kind != kind || gateway.VpcId != table.View.VpcId)
        {
            return Blocked(table, route, BadStateRoute);
        }
        var blocks = new List<string>(2);
        if (kind == GatewayKind.InternetGateway && !destination.Ipv6)
        {
            if (!sourcePublicIp) blocks.Add(IgwPublicIpAssociationForEgress);
            if (destination.IsRfc1918) blocks.Add(IgwDestinationNotInRfc1918Egress);
            else if (destination.IsRfc6598) blocks.Add(IgwDestinationNotInRfc6598Egress);
        }
        else if (kind == GatewayKind.EgressOnlyInternetGateway && !destination.Ipv6)
        {
            blocks.Add(NoRouteToDestination);
        }
        if (toInterface && blocks.Count == 0) blocks.Add(IgwNatReflection);
        return new RouteVerdict(table, route, null, gateway, [.. blocks], false);
    }

    private static RouteVerdict Blocked(CompiledRouteTable table, RouteView? route, string code) => new(table, route, null, null, [code], false);
}

using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Answers.ExplanationCodes;

namespace ControlPlane.Reachability.Analysis;

/// <summary>The route table hop of a path: <see cref="RouteEvaluation"/> decides, this explains.</summary>
internal sealed partial class PairAnalyzer
{
    /// <summary>
    /// Routes <paramref name="destination"/> out of <paramref name="from"/>'s subnet; <paramref name="toInterface"/> is the
    /// destination interface when there is one. Returns the gateway or peering hop the packet leaves through, if any.
    /// </summary>
    private Hop? Route(PathBuilder path, EniSide from, Host destination, EniSide? toInterface)
    {
        var verdict = RouteEvaluation.Toward(index, from.Subnet, from.PublicIp is not null, destination, toInterface is not null);
        if (verdict.Table is { } table) path.Add(new RouteHop(table, verdict.Route, from.Subnet!));
        Hop? exit = verdict.Peering is { } peering ? new PeeringHop(peering) : verdict.Gateway is { } gateway ? new GatewayHop(gateway) : null;
        if (exit is not null) path.Add(exit);
        foreach (var code in verdict.Blocks) path.Block(RouteExplanation(code, verdict, from, destination));
        if (verdict.UnknownDestination)
        {
            var other = verdict.Peering!.OtherSide(verdict.Table!.View.VpcId).VpcId;
            _configuration = _explain.Peering(UnknownDestination, verdict.Peering, destination, $"{destination} is in {other}, which is not in this network: the path ends at {verdict.Peering.Id}.");
        }
        return exit;
    }

    private Explanation RouteExplanation(string code, RouteVerdict verdict, EniSide from, Host destination)
    {
        var (table, route, peering, gateway) = (verdict.Table, verdict.Route, verdict.Peering, verdict.Gateway);
        return code switch
        {
            NoRouteToDestination => _explain.NoRoute(table, from.Subnet, destination, route),
            BadStateRoute => _explain.RouteCode(code, table!, route!, destination, $"The route to {Destination(route!)} in {table!.Id} is a blackhole: its target {route!.TargetId} is gone or detached."),
            VpcLocalRouteCidrRestriction => _explain.RouteCode(code, table!, route!, destination, $"The local route of {table!.View.VpcId} only reaches addresses of that VPC, not {destination}."),
            UnsupportedComponent => _explain.RouteCode(code, table!, route!, destination, $"{table!.Id} sends {destination} to {route!.TargetKind} {route.TargetId}, which the evaluator does not model."),
            BadState => _explain.Peering(code, peering!, destination, $"{peering!.Id} is {peering.View.Status}, not active."),
            PcxRequiresAddressInVpcCidr => _explain.Peering(code, peering!, destination, $"{destination} is not in the CIDR blocks of {peering!.OtherSide(table!.View.VpcId).VpcId}, the other side of {peering.Id}."),
            IgwPublicIpAssociationForEgress => _explain.Gateway(code, gateway!, from.Host, $"{from.Host} has no public or elastic IP: {gateway!.Id} cannot send its traffic to the internet."),
            IgwNatReflection => _explain.Gateway(code, gateway!, destination, $"{destination} is in this network but {table!.Id} sends it to {gateway!.Id}: a path out and back in through the internet is not analysed."),
            _ => _explain.Gateway(code, gateway!, destination, $"{gateway!.Id} drops traffic to the non-public address {destination}."),
        };
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

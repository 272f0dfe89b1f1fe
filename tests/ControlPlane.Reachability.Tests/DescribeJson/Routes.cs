using System.Text.Json;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.DescribeJson.DescribeNetwork;

namespace ControlPlane.Reachability.Tests.DescribeJson;

/// <summary>
/// <c>describe-route-tables</c>: the main association marks the VPC's main table, the subnet associations the explicit ones;
/// each route's target is whichever target member is set (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html).
/// </summary>
internal static class Routes
{
    public static RouteTableView Table(JsonElement table)
    {
        var associations = Array(table, "Associations")
            .Where(a => Text(Member(a, "AssociationState"), "State") is null or "associated")
            .ToList();
        return new RouteTableView(
            Text(table, "RouteTableId")!,
            Text(table, "VpcId")!,
            associations.Any(a => Bool(a, "Main") == true),
            associations.Select(a => Text(a, "SubnetId")).OfType<string>().ToList(),
            Array(table, "Routes").Select(Route).ToList());
    }

    private static RouteView Route(JsonElement route)
    {
        var destination = Text(route, "DestinationCidrBlock") ?? Text(route, "DestinationIpv6CidrBlock");
        var (kind, target) = Target(route);
        return new RouteView(
            destination is null ? null : ParseCidr(destination),
            Text(route, "DestinationPrefixListId"),
            kind,
            target,
            Text(route, "State") == "blackhole" ? RouteState.Blackhole : RouteState.Active,
            Text(route, "Origin") ?? "CreateRoute");
    }

    private static (RouteTargetKind Kind, string Id) Target(JsonElement route)
    {
        // A route to an instance shows both InstanceId and NetworkInterfaceId: the instance is the target.
        if (Text(route, "InstanceId") is { } instance) return (RouteTargetKind.Instance, instance);
        if (Text(route, "VpcPeeringConnectionId") is { } pcx) return (RouteTargetKind.VpcPeeringConnection, pcx);
        if (Text(route, "EgressOnlyInternetGatewayId") is { } eigw) return (RouteTargetKind.EgressOnlyInternetGateway, eigw);
        if (Text(route, "NatGatewayId") is { } nat) return (RouteTargetKind.NatGateway, nat);
        if (Text(route, "NetworkInterfaceId") is { } eni) return (RouteTargetKind.NetworkInterface, eni);
        if (Text(route, "TransitGatewayId") is { } tgw) return (RouteTargetKind.TransitGateway, tgw);
        if (Text(route, "GatewayId") is { } gateway)
        {
            // GatewayId holds "local", an internet gateway, a virtual private gateway or a gateway endpoint.
            return gateway switch
            {
                "local" => (RouteTargetKind.Local, gateway),
                _ when gateway.StartsWith("igw-", StringComparison.Ordinal) => (RouteTargetKind.InternetGateway, gateway),
                _ when gateway.StartsWith("vgw-", StringComparison.Ordinal) => (RouteTargetKind.VirtualPrivateGateway, gateway),
                _ when gateway.StartsWith("vpce-", StringComparison.Ordinal) => (RouteTargetKind.GatewayVpcEndpoint, gateway),
                _ => (RouteTargetKind.Other, gateway),
            };
        }
        var other = Text(route, "CarrierGatewayId") ?? Text(route, "LocalGatewayId") ?? Text(route, "CoreNetworkArn") ?? "";
        return (RouteTargetKind.Other, other);
    }
}

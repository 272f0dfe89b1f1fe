using ControlPlane.Application.Features.EgressOnlyInternetGateways;
using ControlPlane.Application.Features.InternetGateways;
using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.RouteTables;

namespace ControlPlane.Api.Rest.Groups;

/// <summary><c>/api/v1/route-tables</c> with routes and associations, and the gateways routes point at.</summary>
internal static class RoutingApi
{
    public static void Map(RestApiBuilder api)
    {
        api.Resource("route-tables", "routeTableId", "RouteTable", "route table", "Route tables")
            .List("DescribeRouteTables", RouteTableViews.Filters.Names)
            .Get("DescribeRouteTables")
            .Create("CreateRouteTable", id: "RouteTable.RouteTableId")
            .Delete("DeleteRouteTable")
            .Post("{routeTableId}/routes", "CreateRoute", "Add a route (one destination, one target)")
            .Put("{routeTableId}/routes", "ReplaceRoute", "Replace the target of the route to a destination")
            .Delete("{routeTableId}/routes", "DeleteRoute", "Remove the route to a destination (destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId in the query)")
            .Post("{routeTableId}/associations", "AssociateRouteTable", "Associate the table with a subnet or gateway")
            .Put("/route-table-associations/{associationId}", "ReplaceRouteTableAssociation", "Move an association (the main one too) to another table (routeTableId)")
            .Delete("/route-table-associations/{associationId}", "DisassociateRouteTable", "Remove a subnet or gateway association");

        api.Resource("internet-gateways", "internetGatewayId", "InternetGateway", "internet gateway", "Internet gateways")
            .List("DescribeInternetGateways", InternetGatewayViews.Filters.Names)
            .Get("DescribeInternetGateways")
            .Create("CreateInternetGateway", id: "InternetGateway.InternetGatewayId")
            .Delete("DeleteInternetGateway")
            .Post("{internetGatewayId}/attachments", "AttachInternetGateway", "Attach the gateway to a VPC (vpcId)")
            .Delete("{internetGatewayId}/attachments/{vpcId}", "DetachInternetGateway", "Detach the gateway from its VPC");

        api.Resource("egress-only-internet-gateways", "egressOnlyInternetGatewayId", "EgressOnlyInternetGateway", "egress-only internet gateway", "Internet gateways")
            .List("DescribeEgressOnlyInternetGateways", EgressOnlyInternetGatewayViews.Filters.Names)
            .Get("DescribeEgressOnlyInternetGateways")
            .Create("CreateEgressOnlyInternetGateway", id: "EgressOnlyInternetGateway.EgressOnlyInternetGatewayId")
            .Delete("DeleteEgressOnlyInternetGateway");

        api.Resource("nat-gateways", "natGatewayId", "NatGateway", "NAT gateway", "NAT gateways")
            .List("DescribeNatGateways", NatGatewayViews.Filters.Names)
            .Get("DescribeNatGateways")
            .Create("CreateNatGateway", id: "NatGateway.NatGatewayId")
            .Delete("DeleteNatGateway", "Delete a NAT gateway (it stays visible as deleted for an hour)");
    }
}

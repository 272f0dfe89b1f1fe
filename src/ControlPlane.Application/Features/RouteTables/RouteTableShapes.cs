using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// A route as DescribeRouteTables shows it, named by the model's <c>Route</c> members: one destination, one target,
/// how it was created and whether its target is usable (<c>active</c>) or gone (<c>blackhole</c>).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html
/// </summary>
public sealed record RouteShape(
    string? DestinationCidrBlock,
    string? DestinationIpv6CidrBlock,
    string? DestinationPrefixListId,
    string? GatewayId,
    string? EgressOnlyInternetGatewayId,
    string? NatGatewayId,
    string? NetworkInterfaceId,
    string? InstanceId,
    string? InstanceOwnerId,
    string? VpcPeeringConnectionId,
    string? TransitGatewayId,
    string Origin,
    string State);

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RouteTable.html</summary>
public sealed record RouteTableShape(
    string RouteTableId,
    string VpcId,
    string OwnerId,
    IReadOnlyList<RouteTableAssociation> Associations,
    IReadOnlyList<RouteShape> Routes,
    IReadOnlyList<object> PropagatingVgws,
    IReadOnlyList<Tag> Tags);

/// <summary>AssociateRouteTable and ReplaceRouteTableAssociation answer the new association at once in this state.</summary>
public static class AssociationStates
{
    public const string Associated = "associated";
    public static readonly RouteTableAssociationState AssociatedState = new(Associated);
}

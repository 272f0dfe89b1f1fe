namespace ControlPlane.Domain.Model;

public sealed class RouteTable : Resource
{
    public required string VpcId { get; init; }
    public List<Route> Routes { get; init; } = [];
    public List<RouteTableAssociation> Associations { get; init; } = [];
}

/// <summary>
/// A stored route. The local routes of the VPC's CIDR blocks are not stored: they follow the VPC's blocks.
/// <see cref="Destination"/> is the one destination (IPv4 CIDR, IPv6 CIDR or prefix list id) as text, unique per
/// table, so the database refuses a second route to the same destination even where the other columns are null.
/// </summary>
public sealed class Route
{
    public long Id { get; init; }
    public required string RouteTableId { get; init; }
    public required string Destination { get; init; }
    public string? DestinationCidrBlock { get; init; }
    public string? DestinationIpv6CidrBlock { get; init; }
    public string? DestinationPrefixListId { get; init; }
    public string? GatewayId { get; set; }
    public string? EgressOnlyInternetGatewayId { get; set; }
    public string? NatGatewayId { get; set; }
    public string? NetworkInterfaceId { get; set; }
    public string? InstanceId { get; set; }
    public string? VpcPeeringConnectionId { get; set; }
    public string? TransitGatewayId { get; set; }
    public string Origin { get; init; } = "CreateRoute";
    public string State { get; set; } = "active";
}

public sealed class RouteTableAssociation : ScopedEntity
{
    public required string Id { get; init; }
    public required string RouteTableId { get; set; }
    public string? SubnetId { get; init; }
    public string? GatewayId { get; init; }
    public bool Main { get; init; }
    public string State { get; set; } = "associated";
}

namespace ControlPlane.Domain.Model;

/// <summary>
/// A VPC endpoint (<c>vpce-…</c>): Interface endpoints place a requester-managed <c>vpc_endpoint</c> interface in
/// each subnet (security groups live on those interfaces); Gateway endpoints add prefix-list routes to route tables.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html
/// </summary>
public sealed class VpcEndpoint : Resource
{
    public required string VpcId { get; init; }
    public required string ServiceName { get; init; }

    /// <summary><c>Interface</c>, <c>Gateway</c> or <c>GatewayLoadBalancer</c>.</summary>
    public required string VpcEndpointType { get; init; }
    public string State { get; set; } = "available";
    public string? PolicyDocument { get; set; }
    public bool PrivateDnsEnabled { get; set; }
    public string IpAddressType { get; set; } = "ipv4";
    public required DateTimeOffset CreationTimestamp { get; init; }
    public List<VpcEndpointSubnet> Subnets { get; init; } = [];
    public List<VpcEndpointRouteTable> RouteTables { get; init; } = [];
}

/// <summary>A subnet of an Interface endpoint and the interface the endpoint placed in it.</summary>
public sealed class VpcEndpointSubnet
{
    public required string VpcEndpointId { get; init; }
    public required string SubnetId { get; init; }
    public string? NetworkInterfaceId { get; set; }
}

/// <summary>A route table a Gateway endpoint adds its service's prefix-list route to.</summary>
public sealed class VpcEndpointRouteTable
{
    public required string VpcEndpointId { get; init; }
    public required string RouteTableId { get; init; }
}

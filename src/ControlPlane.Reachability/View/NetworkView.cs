using System.Net;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Reachability.View;

/// <summary>
/// An immutable snapshot of one (account, region)'s network, as the Describe actions show it: the only input of the
/// evaluator. The store builds one per state version; tests build one from the AWS CLI's <c>describe-*</c> JSON.
/// Lists are in no particular order; ids are AWS ids and unique across the view.
/// </summary>
public sealed record NetworkView
{
    public required string AccountId { get; init; }
    public required string Region { get; init; }

    /// <summary>The scope's state version the view was built from (0 for views built by hand).</summary>
    public long Version { get; init; }

    public IReadOnlyList<VpcView> Vpcs { get; init; } = [];
    public IReadOnlyList<SubnetView> Subnets { get; init; } = [];
    public IReadOnlyList<RouteTableView> RouteTables { get; init; } = [];
    public IReadOnlyList<NetworkAclView> NetworkAcls { get; init; } = [];
    public IReadOnlyList<SecurityGroupView> SecurityGroups { get; init; } = [];
    public IReadOnlyList<NetworkInterfaceView> NetworkInterfaces { get; init; } = [];
    public IReadOnlyList<PrefixListView> PrefixLists { get; init; } = [];
    public IReadOnlyList<GatewayView> Gateways { get; init; } = [];
    public IReadOnlyList<PeeringConnectionView> PeeringConnections { get; init; } = [];

    /// <summary>The resources that own interfaces (instances, NAT gateways, VPC endpoints, load balancers, ...).</summary>
    public IReadOnlyList<OwnerView> Owners { get; init; } = [];

    /// <summary>Load balancers' listeners and the targets they forward to, so a path to a load balancer continues to a target.</summary>
    public IReadOnlyList<LoadBalancerView> LoadBalancers { get; init; } = [];
}

/// <summary>A load balancer (an <see cref="OwnerView"/> by <see cref="OwnerId"/>) and its listeners.</summary>
public sealed record LoadBalancerView(string OwnerId, IReadOnlyList<ListenerView> Listeners);

/// <summary>
/// A listener on <see cref="Port"/> (<c>TCP</c>/<c>HTTP</c>/<c>HTTPS</c>/<c>TLS</c>: tcp; <c>UDP</c>: udp). It forwards
/// to the targets of its target groups; <see cref="ForwardsToTargetGroup"/> false when its actions name none.
/// </summary>
public sealed record ListenerView(string Id, int Port, string Protocol, bool ForwardsToTargetGroup, IReadOnlyList<LoadBalancerTargetView> Targets);

/// <summary>A registered target: an instance id, interface id or IP address, on <see cref="Port"/>, of <see cref="TargetGroupId"/>.</summary>
public sealed record LoadBalancerTargetView(string TargetGroupId, string Target, int Port);

/// <summary>A VPC and its associated IPv4 and IPv6 CIDR blocks (the primary IPv4 block first).</summary>
public sealed record VpcView(string Id, string OwnerId, IReadOnlyList<Cidr> CidrBlocks);

public sealed record SubnetView(string Id, string VpcId, string AvailabilityZone, Cidr? Ipv4CidrBlock, Cidr? Ipv6CidrBlock);

/// <summary>
/// A route table with its explicit subnet associations. A subnet with no explicit association uses its VPC's main table.
/// </summary>
public sealed record RouteTableView(string Id, string VpcId, bool IsMain, IReadOnlyList<string> SubnetIds, IReadOnlyList<RouteView> Routes);

/// <summary>
/// One route: its destination is a CIDR or a prefix list (exactly one is set). <see cref="TargetId"/> is <c>local</c> for
/// the local route, else the gateway, interface, instance or peering id. <see cref="Origin"/> as AWS shows it
/// (<c>CreateRouteTable</c>, <c>CreateRoute</c>, <c>EnableVgwRoutePropagation</c>).
/// </summary>
public sealed record RouteView(Cidr? DestinationCidr, string? DestinationPrefixListId, RouteTargetKind TargetKind, string TargetId, RouteState State, string Origin = "CreateRoute");

public enum RouteTargetKind
{
    Local,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    NetworkInterface,
    Instance,
    VpcPeeringConnection,
    GatewayVpcEndpoint,
    TransitGateway,
    VirtualPrivateGateway,
    /// <summary>Any target the evaluator does not model (carrier, local or core-network gateways, ...).</summary>
    Other,
}

public enum RouteState
{
    Active,
    /// <summary>The target is gone (deleted gateway, detached interface): AWS shows <c>blackhole</c> and drops the traffic.</summary>
    Blackhole,
}

/// <summary>
/// A network ACL with the subnets associated with it and its entries as DescribeNetworkAcls shows them, the <c>*</c>
/// entries included (rule number 32767 for IPv4, 32768 for IPv6).
/// </summary>
public sealed record NetworkAclView(string Id, string VpcId, bool IsDefault, IReadOnlyList<string> SubnetIds, IReadOnlyList<NetworkAclEntryView> Entries);

/// <summary>
/// One NACL entry. <see cref="Protocol"/> is the IANA number or -1 for all. <see cref="Ports"/> is set for 6 and 17
/// (it matches the packet's destination port); <see cref="IcmpType"/>/<see cref="IcmpCode"/> for 1 and 58 (-1 = any).
/// </summary>
public sealed record NetworkAclEntryView(int RuleNumber, bool Egress, int Protocol, bool Allow, Cidr Cidr, PortSpan? Ports = null, int? IcmpType = null, int? IcmpCode = null)
{
    /// <summary>The <c>*</c> entries AWS adds to every NACL (rule numbers above the user range 1–32766).</summary>
    public bool IsDefaultDeny => RuleNumber > 32766;
}

public sealed record SecurityGroupView(string Id, string VpcId, string OwnerId, string Name, IReadOnlyList<SecurityGroupRuleView> Rules);

/// <summary>
/// One security group rule as DescribeSecurityGroupRules shows it. <see cref="Protocol"/> is the IANA number or -1.
/// For TCP/UDP <see cref="FromPort"/>–<see cref="ToPort"/> is the destination port range; for ICMP/ICMPv6 FromPort is
/// the type and ToPort the code (-1 = any); for other protocols both are null.
/// </summary>
public sealed record SecurityGroupRuleView(string RuleId, bool Egress, int Protocol, int? FromPort, int? ToPort, RulePeerView Peer, string? Description = null);

/// <summary>Exactly one of the three is set: an IPv4/IPv6 CIDR, a managed prefix list, or a referenced group.</summary>
public sealed record RulePeerView(Cidr? Cidr = null, string? PrefixListId = null, string? GroupId = null, string? GroupOwnerId = null, string? VpcPeeringConnectionId = null);

/// <summary>
/// A network interface. <see cref="Status"/> is AWS's (<c>available</c>, <c>in-use</c>, ...); <see cref="OwnerId"/> is the
/// instance it is attached to or the resource that manages it (see <see cref="OwnerView"/>), null for a detached
/// interface of the user's own.
/// </summary>
public sealed record NetworkInterfaceView
{
    public required string Id { get; init; }
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public string AvailabilityZone { get; init; } = "";
    public string Description { get; init; } = "";
    public string InterfaceType { get; init; } = "interface";
    public bool RequesterManaged { get; init; }
    public string Status { get; init; } = "in-use";
    public bool SourceDestCheck { get; init; } = true;
    public IReadOnlyList<PrivateAddressView> PrivateIpAddresses { get; init; } = [];
    public IReadOnlyList<IPAddress> Ipv6Addresses { get; init; } = [];
    public IReadOnlyList<string> GroupIds { get; init; } = [];
    public string? OwnerId { get; init; }
}

/// <summary>A private IPv4 address of an interface and the public or elastic IPv4 address associated with it, if any.</summary>
public sealed record PrivateAddressView(IPAddress Address, bool Primary, IPAddress? PublicIp = null);

/// <summary>
/// A resource that owns interfaces. <see cref="Type"/> uses the Reachability Analyzer's resource types:
/// <c>instance</c>, <c>nat-gateway</c>, <c>vpc-endpoint</c>, <c>load-balancer</c>, <c>db-instance</c>, <c>function</c>, ...
/// <see cref="State"/> is the resource's own (<c>running</c>, <c>stopped</c>, <c>available</c>, ...).
/// Its interfaces are those whose <see cref="NetworkInterfaceView.OwnerId"/> is <see cref="Id"/>, plus
/// <see cref="InterfaceIds"/>: interfaces it shares with other owners (Lambda functions share one interface per subnet
/// and group set) or holds through its members (an Aurora cluster's instances, an ECS cluster's tasks).
/// </summary>
public sealed record OwnerView(string Id, string Type, string? Arn = null, string? Name = null, string State = "running")
{
    public IReadOnlyList<string> InterfaceIds { get; init; } = [];

    /// <summary>Other names that address it (an MQ broker's <c>b-…</c> id beside its name).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record PrefixListView(string Id, string Name, IReadOnlyList<Cidr> Cidrs);

/// <summary>An internet or egress-only internet gateway, NAT gateway or other gateway; <see cref="VpcId"/> null when detached.</summary>
public sealed record GatewayView(string Id, GatewayKind Kind, string? VpcId, string State = "available");

public enum GatewayKind
{
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
}

/// <summary>
/// A peering connection. <see cref="Status"/> is AWS's code (<c>active</c>, <c>pending-acceptance</c>, ...); only an active
/// one carries traffic. A side whose VPC is not in the view (another account) is known only by its CIDR blocks.
/// </summary>
public sealed record PeeringConnectionView(string Id, string Status, PeeringSideView Requester, PeeringSideView Accepter);

public sealed record PeeringSideView(string VpcId, string OwnerId, string Region, IReadOnlyList<Cidr> CidrBlocks);

/// <summary>An inclusive port range.</summary>
public readonly record struct PortSpan(int From, int To)
{
    public static readonly PortSpan All = new(0, 65535);
    public bool Contains(int port) => port >= From && port <= To;
    public override string ToString() => From == To ? $"{From}" : $"{From}-{To}";
}

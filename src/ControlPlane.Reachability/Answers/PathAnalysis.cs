using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Answers;

/// <summary>
/// The answer to one <see cref="Queries.ReachabilityQuery"/>, shaped like the Reachability Analyzer's
/// NetworkInsightsAnalysis: the verdict, the path components in order and, when blocked, every blocking component's
/// explanation. A blocked answer still lists the path as far as it could be followed.
/// </summary>
public sealed record PathAnalysis
{
    /// <summary>Both the forward and the return path pass.</summary>
    public bool NetworkPathFound => ForwardPathFound && ReturnPathFound;
    public required bool ForwardPathFound { get; init; }
    public required bool ReturnPathFound { get; init; }

    public IReadOnlyList<PathComponent> ForwardPath { get; init; } = [];
    public IReadOnlyList<PathComponent> ReturnPath { get; init; } = [];
    public IReadOnlyList<Explanation> Explanations { get; init; } = [];

    /// <summary>The source ports the return path was evaluated on, and where they came from (<c>query</c> or the profile).</summary>
    public required PortSpan SourcePorts { get; init; }
    public required string SourcePortOrigin { get; init; }

    /// <summary>The interfaces the endpoints resolved to (an instance or resource may have several).</summary>
    public string? SourceInterfaceId { get; init; }
    public string? DestinationInterfaceId { get; init; }

    /// <summary>Things the evaluator does not model on this path, stated rather than guessed (Reachability Analyzer's additional details).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A component reference (AnalysisComponent): <see cref="Type"/> is <c>network-interface</c>, <c>security-group</c>, <c>network-acl</c>, <c>route-table</c>, <c>internet-gateway</c>, <c>vpc-peering-connection</c>, <c>instance</c>, <c>subnet</c>, <c>vpc</c>, ...</summary>
public sealed record ComponentRef(string Type, string Id, string? Arn = null, string? Name = null);

/// <summary>One hop. At most one of the matched rule members is set, according to the component's type.</summary>
public sealed record PathComponent
{
    public required int SequenceNumber { get; init; }
    public required ComponentRef Component { get; init; }
    public ComponentRef? AttachedTo { get; init; }
    public string? VpcId { get; init; }
    public string? SubnetId { get; init; }
    public MatchedSecurityGroupRule? SecurityGroupRule { get; init; }
    public MatchedAclEntry? AclRule { get; init; }
    public MatchedRoute? RouteTableRoute { get; init; }
    public PacketHeader? OutboundHeader { get; init; }
    public PacketHeader? InboundHeader { get; init; }
}

/// <summary>The packet as it leaves or enters a component (AnalysisPacketHeader): CIDR strings and port ranges.</summary>
public sealed record PacketHeader(int Protocol, IReadOnlyList<string> SourceAddresses, IReadOnlyList<string> DestinationAddresses, IReadOnlyList<PortSpan> SourcePorts, IReadOnlyList<PortSpan> DestinationPorts);

/// <summary>AnalysisSecurityGroupRule: the rule that admitted the traffic (<see cref="Direction"/> <c>ingress</c>/<c>egress</c>).</summary>
public sealed record MatchedSecurityGroupRule(string SecurityGroupId, string RuleId, string Direction, string Protocol, PortSpan? PortRange, string? Cidr, string? PrefixListId, string? ReferencedGroupId);

/// <summary>AnalysisAclRule: the entry that decided (an allow on a passing path, the deny or <c>*</c> entry on a blocked one).</summary>
public sealed record MatchedAclEntry(string NetworkAclId, int RuleNumber, bool Egress, string Protocol, string Cidr, PortSpan? PortRange, string RuleAction);

/// <summary>AnalysisRouteTableRoute: the route that carried the traffic (or the blackhole route that dropped it).</summary>
public sealed record MatchedRoute(string RouteTableId, string? DestinationCidr, string? DestinationPrefixListId, RouteTargetKind TargetKind, string TargetId, string State, string Origin);

/// <summary>
/// Why a path is blocked (or a fact about it), with the AWS explanation code (<c>ENI_SG_RULES_MISMATCH</c>,
/// <c>SG_HAS_NO_RULES</c>, <c>SUBNET_ACL_RESTRICTION</c>, <c>NO_ROUTE_TO_DESTINATION</c>, <c>BAD_STATE_ROUTE</c>,
/// <c>DISCONNECTED_VPCS</c>, <c>IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS</c>, ...). Members are set as the code needs them.
/// </summary>
public sealed record Explanation
{
    public required string Code { get; init; }

    /// <summary><c>ingress</c> or <c>egress</c>, seen from the component.</summary>
    public string? Direction { get; init; }

    /// <summary>Which path the explanation belongs to: <c>forward</c> or <c>return</c>.</summary>
    public string Path { get; init; } = "forward";

    public ComponentRef? Component { get; init; }
    public ComponentRef? NetworkInterface { get; init; }
    public IReadOnlyList<ComponentRef> SecurityGroups { get; init; } = [];
    public ComponentRef? Acl { get; init; }
    public MatchedAclEntry? AclRule { get; init; }
    public ComponentRef? RouteTable { get; init; }
    public MatchedRoute? RouteTableRoute { get; init; }
    public ComponentRef? Subnet { get; init; }
    public ComponentRef? Vpc { get; init; }
    public ComponentRef? SourceVpc { get; init; }
    public ComponentRef? DestinationVpc { get; init; }
    public ComponentRef? InternetGateway { get; init; }
    public ComponentRef? VpcPeeringConnection { get; init; }

    /// <summary>The packet field that failed to match (<c>destination-port</c>, <c>source-address</c>, ...).</summary>
    public string? PacketField { get; init; }
    public int? Port { get; init; }
    public IReadOnlyList<PortSpan> PortRanges { get; init; } = [];
    public string? Protocol { get; init; }
    public string? Address { get; init; }

    /// <summary>Readable one-line reason, for people (the REST API shows it; the AWS API has no such member).</summary>
    public string? Message { get; init; }
}

using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Answers;

/// <summary>
/// Who can reach a target on one protocol/port (README §6): every interface for which
/// <see cref="IReachabilityEvaluator.Analyze"/> finds the path, with the rules that let it; the address blocks outside
/// the view that the target's security groups and network ACL admit; and whether the internet can.
/// </summary>
public sealed record WhoCanReachAnswer
{
    public required int Protocol { get; init; }
    public int? Port { get; init; }
    public bool Ipv6 { get; init; }

    /// <summary>The interfaces the target resolved to (a resource may have several), in id order.</summary>
    public IReadOnlyList<string> TargetInterfaceIds { get; init; } = [];

    public IReadOnlyList<ReachingInterface> Interfaces { get; init; } = [];
    public IReadOnlyList<ExternalSource> ExternalSources { get; init; } = [];

    /// <summary>The analysis from the unspecified internet host to the target (null when the target is not an interface).</summary>
    public PathAnalysis? Internet { get; init; }

    /// <summary>Set when the target does not resolve (NO_SOURCE_OR_DESTINATION, UNKNOWN_DESTINATION).</summary>
    public Explanation? Unresolved { get; init; }

    public required PortSpan SourcePorts { get; init; }
    public required string SourcePortOrigin { get; init; }
}

/// <summary>One interface that reaches the target: its address, the target interface it reaches, the destination ports that get through, and the rules.</summary>
public sealed record ReachingInterface(string NetworkInterfaceId, string Address, string? DestinationInterfaceId, IReadOnlyList<PortSpan> Ports, PathRules Rules);

/// <summary>
/// An address block outside every VPC of the view that one of the target's security group ingress rules admits
/// (the rule's CIDR, or one entry of its prefix list), and what the target subnet's network ACL does with traffic from
/// the whole block: <see cref="AclIngress"/> decides the request, <see cref="AclEgress"/> the reply. An ACL entry that
/// covers only part of the block is not applied to it. <see cref="Admitted"/>: both let it through.
/// </summary>
public sealed record ExternalSource(string Cidr, string? PrefixListId, string DestinationInterfaceId, MatchedSecurityGroupRule? SecurityGroupRule,
    IReadOnlyList<PortSpan> Ports, MatchedAclEntry? AclIngress, MatchedAclEntry? AclEgress, bool Admitted);

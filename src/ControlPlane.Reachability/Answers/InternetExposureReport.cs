using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Answers;

/// <summary>
/// Every interface the internet can reach (README §6: <c>Analyze(internet → interface)</c> finds the path), on which
/// protocols and ports, through which rules, route and gateway.
/// </summary>
public sealed record InternetExposureReport
{
    public bool Ipv6 { get; init; }

    /// <summary>The internet host the report is for: <c>0.0.0.0/0</c> / <c>::/0</c> for any host, else one address.</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<ExposedInterface> Interfaces { get; init; }
    public required PortSpan SourcePorts { get; init; }
    public required string SourcePortOrigin { get; init; }
}

public sealed record ExposedInterface(string NetworkInterfaceId, string Address, string? PublicIp, string InternetGatewayId, IReadOnlyList<ExposedProtocol> Protocols);

/// <summary>
/// One protocol the internet reaches an interface on: the ports (TCP/UDP; empty for others), the security group rules
/// and ACL entries that admit them, the ACL entry that lets the replies out and the route back to the gateway.
/// </summary>
public sealed record ExposedProtocol(string Protocol, IReadOnlyList<PortSpan> Ports, IReadOnlyList<MatchedSecurityGroupRule> SecurityGroupRules,
    IReadOnlyList<MatchedAclEntry> AclIngress, MatchedAclEntry? AclEgress, MatchedRoute? ReturnRoute);

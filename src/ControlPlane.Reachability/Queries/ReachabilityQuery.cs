using System.Net;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Queries;

/// <summary>
/// "Can <see cref="Source"/> reach <see cref="Destination"/>?" for one protocol. <see cref="Protocol"/> is the IANA
/// number (6 tcp, 17 udp, 1 icmp, 58 icmpv6) or -1 for all traffic.
/// </summary>
public sealed record ReachabilityQuery
{
    public required Endpoint Source { get; init; }
    public required Endpoint Destination { get; init; }
    public required int Protocol { get; init; }

    /// <summary>TCP/UDP destination port; null means any port (the path is found when some port gets through).</summary>
    public int? DestinationPort { get; init; }

    /// <summary>
    /// The client's source ports. Null: the <see cref="ClientProfile"/>'s ephemeral range. The return path must pass both
    /// subnets' NACLs with these as its destination ports.
    /// </summary>
    public PortSpan? SourcePorts { get; init; }

    public ClientProfile ClientProfile { get; init; } = ClientProfile.Linux;

    /// <summary>
    /// True (the REST default): the return path passes only if every source port of the range passes, since a real
    /// client picks any of them. False (the Reachability Analyzer API): some port of the range is enough, as AWS reports.
    /// </summary>
    public bool RequireAllSourcePorts { get; init; } = true;

    /// <summary>ICMP/ICMPv6 type and code (null = any).</summary>
    public int? IcmpType { get; init; }
    public int? IcmpCode { get; init; }

    /// <summary>Which address family to evaluate: IPv6 uses the interfaces' IPv6 addresses and the IPv6 rules.</summary>
    public bool Ipv6 { get; init; }

    /// <summary>Pins the source or destination address (one of the interface's addresses, or an external address).</summary>
    public IPAddress? SourceAddress { get; init; }
    public IPAddress? DestinationAddress { get; init; }
}

/// <summary>Ephemeral port ranges by client (VPC User Guide, "Ephemeral ports").</summary>
public enum ClientProfile
{
    /// <summary>Linux kernels: 32768–60999.</summary>
    Linux,
    /// <summary>Windows Server 2008 and later: 49152–65535.</summary>
    Windows,
    /// <summary>NAT gateways, Elastic Load Balancing and Lambda: 1024–65535.</summary>
    NatGateway,
    ElasticLoadBalancing,
    Lambda,
}

public static class ClientProfiles
{
    public static PortSpan EphemeralPorts(this ClientProfile profile) => profile switch
    {
        ClientProfile.Linux => new PortSpan(32768, 60999),
        ClientProfile.Windows => new PortSpan(49152, 65535),
        _ => new PortSpan(1024, 65535),
    };
}

/// <summary>Where traffic starts or ends.</summary>
public abstract record Endpoint
{
    /// <summary>One network interface (<c>eni-…</c>).</summary>
    public sealed record Interface(string NetworkInterfaceId) : Endpoint;

    /// <summary>
    /// A resource that owns interfaces, by id, ARN or name (an instance, a NAT gateway, a load balancer, ...): each of its
    /// interfaces is a candidate and the answer says which ones reach.
    /// </summary>
    public sealed record Resource(string IdArnOrName) : Endpoint;

    /// <summary>An IP address: an interface's private or public address, or an address outside the view.</summary>
    public sealed record Address(IPAddress Value) : Endpoint;

    /// <summary>The internet, through an internet gateway (any, or the one named).</summary>
    public sealed record Internet(string? GatewayId = null) : Endpoint;
}

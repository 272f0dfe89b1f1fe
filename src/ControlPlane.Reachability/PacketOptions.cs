using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability;

/// <summary>
/// The packet details of a many-pair question besides protocol and port, with <see cref="ReachabilityQuery"/>'s meaning
/// and defaults (IPv4, echo request for ICMP, the Linux ephemeral range, every source port required).
/// </summary>
public sealed record PacketOptions
{
    public static readonly PacketOptions Default = new();

    public bool Ipv6 { get; init; }
    public int? IcmpType { get; init; }
    public int? IcmpCode { get; init; }
    public PortSpan? SourcePorts { get; init; }
    public ClientProfile ClientProfile { get; init; } = ClientProfile.Linux;
    public bool RequireAllSourcePorts { get; init; } = true;

    /// <summary>The single-pair query these options describe.</summary>
    public ReachabilityQuery Query(Endpoint source, Endpoint destination, int protocol, int? port) => new()
    {
        Source = source,
        Destination = destination,
        Protocol = protocol,
        DestinationPort = port,
        Ipv6 = Ipv6,
        IcmpType = IcmpType,
        IcmpCode = IcmpCode,
        SourcePorts = SourcePorts,
        ClientProfile = ClientProfile,
        RequireAllSourcePorts = RequireAllSourcePorts,
    };
}

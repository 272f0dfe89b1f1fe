using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// The packet of README §2, without its ports: the ports are the values each path walks over (one value, 0, for
/// protocols without ports, so every protocol walks the same way).
/// </summary>
internal sealed record Packet(int Protocol, bool Ipv6, int IcmpType, int IcmpCode)
{
    public bool AllTraffic => Protocol == -1;
    public bool HasPorts => Protocol is 6 or 17;
    public bool IsIcmp => Protocol is 1 or 58;

    public static Packet Forward(ReachabilityQuery query)
    {
        var echoRequest = query.Protocol == 58 ? 128 : 8;
        return new Packet(query.Protocol, query.Ipv6, query.IcmpType ?? echoRequest, query.IcmpCode ?? 0);
    }

    /// <summary>The reply: an echo request is answered by an echo reply (ICMP 0/0, ICMPv6 129/0), anything else keeps its type and code.</summary>
    public Packet Reply() => (Protocol, IcmpType, IcmpCode) switch
    {
        (1, 8, 0) => this with { IcmpType = 0 },
        (58, 128, 0) => this with { IcmpType = 129 },
        _ => this,
    };

    public List<int> ForwardPorts(ReachabilityQuery query) =>
        !HasPorts ? [0] : query.DestinationPort is { } port ? [port] : Enumerable.Range(0, 65536).ToList();

    public List<int> ReturnPorts(PortSpan sourcePorts) =>
        !HasPorts ? [0] : Enumerable.Range(sourcePorts.From, sourcePorts.To - sourcePorts.From + 1).ToList();

    public string ProtocolName => NameOf(Protocol);

    /// <summary>The protocol as the Reachability Analyzer names it in rules and explanations.</summary>
    public static string NameOf(int protocol) => protocol switch
    {
        -1 => "all",
        6 => "tcp",
        17 => "udp",
        1 => "icmp",
        58 => "icmpv6",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

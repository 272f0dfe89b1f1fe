namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// What a rule sees of a packet besides its addresses and ports: the protocol (-1 for all traffic), the family and,
/// for ICMP/ICMPv6, the type and code. TCP and UDP are matched on ports; every other protocol on nothing more, so
/// their port space is the single <see cref="PortSet.Token"/>.
/// </summary>
internal readonly record struct Traffic(int Protocol, bool Ipv6, int IcmpType, int IcmpCode)
{
    public const int All = -1;

    public bool HasPorts => Protocol is 6 or 17;

    public bool IsIcmp => Protocol is 1 or 58;

    public PortSet Space => HasPorts ? PortSet.AllPorts : PortSet.Token;

    /// <summary>
    /// The ports of the space a rule admits, given the rule's protocol and its port range or ICMP type/code
    /// (null or -1: any). The caller has already matched the protocol (the rule's is -1 or the packet's).
    /// </summary>
    public PortSet Admitted(int ruleProtocol, PortSet? rulePorts, int? icmpType, int? icmpCode)
    {
        if (ruleProtocol == All || !(HasPorts || IsIcmp)) return Space;
        if (HasPorts) return rulePorts ?? PortSet.AllPorts;
        return (icmpType is null or -1 || icmpType == IcmpType) && (icmpCode is null or -1 || icmpCode == IcmpCode) ? PortSet.Token : PortSet.Empty;
    }

    /// <summary>How AWS names the protocol in an analysis (<c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>, <c>all</c>, or the number).</summary>
    public static string Name(int protocol) => protocol switch
    {
        All => "all",
        6 => "tcp",
        17 => "udp",
        1 => "icmp",
        58 => "icmpv6",
        _ => protocol.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// The packets of a query (README §2): the forward packet on its destination ports, and the return packet, whose
/// destination ports are the client's source ports and whose ICMP type is the echo reply for an echo request.
/// </summary>
internal sealed record QueryPlan(Traffic Forward, Traffic Return, PortSet ForwardPorts, PortSet ReturnPorts, PortSpan SourcePorts, string SourcePortOrigin, bool RequireAllSourcePorts)
{
    public bool Ipv6 => Forward.Ipv6;

    /// <summary>Input the REST and EC2 adapters validate; a query outside these bounds is a programming error.</summary>
    public static QueryPlan Of(ReachabilityQuery query)
    {
        var protocol = query.Protocol;
        if (protocol is < -1 or > 255) throw new ArgumentOutOfRangeException(nameof(query), $"protocol {protocol} is not -1 or 0-255");
        if (query.DestinationPort is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(query), $"destination port {query.DestinationPort} is not 0-65535");
        if (query.SourcePorts is { } given && (given.From < 0 || given.To > 65535 || given.From > given.To)) throw new ArgumentOutOfRangeException(nameof(query), $"source ports {given} are not a range within 0-65535");
        var icmpv6 = protocol == 58;
        var type = query.IcmpType ?? (icmpv6 ? 128 : 8);
        var code = query.IcmpCode ?? 0;
        var echoRequest = code == 0 && type == (icmpv6 ? 128 : 8);
        var forward = new Traffic(protocol, query.Ipv6, type, code);
        var reply = forward with { IcmpType = echoRequest ? (icmpv6 ? 129 : 0) : type };
        var sourcePorts = query.SourcePorts ?? query.ClientProfile.EphemeralPorts();
        var origin = query.SourcePorts is null ? $"profile:{query.ClientProfile}" : "query";
        var forwardPorts = forward.HasPorts ? query.DestinationPort is { } port ? PortSet.Range(port, port) : PortSet.AllPorts : PortSet.Token;
        var returnPorts = forward.HasPorts ? PortSet.Range(sourcePorts.From, sourcePorts.To) : PortSet.Token;
        return new QueryPlan(forward, reply, forwardPorts, returnPorts, sourcePorts, origin, query.RequireAllSourcePorts);
    }
}

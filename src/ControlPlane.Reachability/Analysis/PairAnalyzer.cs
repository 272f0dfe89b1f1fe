using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// Analyses one (source, destination) pair: the configuration checks first (README §1, in H2-P1's order), then the
/// forward and the return path component by component (README §4, §5).
/// </summary>
internal sealed partial class PairAnalyzer(NetworkIndex index, Refs refs, QueryPlan plan)
{
    private readonly Explain _explain = new(refs);
    private readonly List<Explanation> _explanations = [];
    private readonly List<string> _notes = [];

    /// <summary>A configuration code met on the way (UNKNOWN_DESTINATION at a peering): it ends the analysis.</summary>
    private Explanation? _configuration;

    public PathAnalysis Analyze(Candidate source, Candidate destination)
    {
        if (source is InterfaceCandidate { Eni: var same } && destination is InterfaceCandidate d0 && d0.Eni == same) return SameInterface(same);
        EniSide? from = null, to = null;
        if (source is InterfaceCandidate s)
        {
            from = Side(s);
            if (from is null) return Configuration(_explain.Unassociated(s.Eni, plan.Ipv6));
        }
        if (destination is InterfaceCandidate d)
        {
            to = Side(d);
            if (to is null) return Configuration(_explain.Unassociated(d.Eni, plan.Ipv6));
        }
        var hosts = new[] { from?.Host, to?.Host, (source as ExternalCandidate)?.Host, (destination as ExternalCandidate)?.Host };
        if (hosts.Any(h => h is { } host && host.Ipv6 != plan.Ipv6))
        {
            return Configuration(Explain.NoPath($"An address of the query is not {(plan.Ipv6 ? "IPv6" : "IPv4")}, the family the query evaluates."));
        }
        return (from, to, source, destination) switch
        {
            ({ } a, { } b, _, _) => BetweenInterfaces(a, b),
            ({ } a, null, _, ExternalCandidate host) => ToExternal(a, host),
            (null, { } b, ExternalCandidate host, _) => FromExternal(host, b),
            _ => Configuration(Explain.NoPath("Neither end is an interface of the view: there is no path to analyse.")),
        };
    }

    /// <summary>The address the interface uses: the pinned one, else its primary IPv4 or first IPv6; null when it has none.</summary>
    private EniSide? Side(InterfaceCandidate candidate)
    {
        if (candidate.Pinned is { } pinned) return new EniSide(candidate.Eni, pinned, candidate.Eni.Own(pinned));
        return candidate.Eni.DefaultAddress(plan.Ipv6) is { } address ? new EniSide(candidate.Eni, address.Host, address) : null;
    }

    private PathAnalysis SameInterface(CompiledInterface eni)
    {
        var component = new PathComponent { SequenceNumber = 1, Component = refs.Interface(eni), VpcId = eni.VpcId, SubnetId = eni.View.SubnetId };
        _notes.Add($"Source and destination are the same interface ({eni.Id}): the traffic never leaves it, so no security group, network ACL or route applies.");
        return Answer(true, true, [component], [component], eni.Id, eni.Id);
    }

    private PathAnalysis Configuration(Explanation explanation, PathBuilder? partial = null, Host? from = null, Host? to = null) => new()
    {
        ForwardPathFound = false,
        ReturnPathFound = false,
        ForwardPath = partial is null ? [] : partial.Build(refs, Header(partial, from!.Value, to!.Value, false), Header(partial, from.Value, to.Value, false)),
        Explanations = [explanation with { Path = "forward" }],
        SourcePorts = plan.SourcePorts,
        SourcePortOrigin = plan.SourcePortOrigin,
        Notes = _notes,
    };

    private PathAnalysis Answer(bool forward, bool back, IReadOnlyList<PathComponent> forwardPath, IReadOnlyList<PathComponent> returnPath, string? sourceEni, string? destinationEni) => new()
    {
        ForwardPathFound = forward,
        ReturnPathFound = back,
        ForwardPath = forwardPath,
        ReturnPath = returnPath,
        Explanations = _explanations,
        SourcePorts = plan.SourcePorts,
        SourcePortOrigin = plan.SourcePortOrigin,
        SourceInterfaceId = sourceEni,
        DestinationInterfaceId = destinationEni,
        Notes = _notes,
    };

    private PathAnalysis Complete(PathBuilder forward, PathBuilder back, Host from, Host to, string? sourceEni, string? destinationEni) =>
        _configuration is { } configuration
            ? Configuration(configuration, forward, from, to)
            : Answer(forward.Found, back.Found,
                forward.Build(refs, Header(forward, from, to, false), Header(forward, from, to, false)),
                back.Build(refs, Header(back, to, from, true), Header(back, to, from, true)),
                sourceEni, destinationEni);

    private PathBuilder Forward() => new("forward", plan.Forward, plan.ForwardPorts, false, _explanations);

    private PathBuilder Return() => new("return", plan.Return, plan.ReturnPorts, plan.RequireAllSourcePorts, _explanations);

    /// <summary>The packet as it travels the path: on the return path the ports swap (source = the service port).</summary>
    private PacketHeader Header(PathBuilder path, Host source, Host destination, bool isReturn)
    {
        var ports = path.Traffic.HasPorts ? path.Ports.ToSpans() : [];
        var other = path.Traffic.HasPorts ? isReturn ? plan.ForwardPorts.ToSpans() : plan.ReturnPorts.ToSpans() : [];
        return new PacketHeader(path.Traffic.Protocol, [source.ToCidr()], [destination.ToCidr()], other, ports);
    }
}

using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.ManyPairs;

/// <summary>The per-call tables of <see cref="PairKernel"/>, each filled on first use.</summary>
internal sealed partial class PairKernel
{
    /// <summary>The union over an interface's groups of what each admits for the participant (README §4: any rule of any group).</summary>
    private PortSet Groups(PortSet?[]?[] table, CompiledGroup[] groups, bool egress, int participant)
    {
        var admitted = PortSet.Empty;
        foreach (var group in groups)
        {
            var row = table[group.Index] ??= GroupRow(group, egress);
            if (row[participant] is { } ports) admitted = admitted.Union(ports);
        }
        return admitted;
    }

    /// <summary>
    /// Marks the sources destination <paramref name="d"/>'s groups admit: only they can reach it (every source when it has
    /// no groups, and the destination itself, which reaches itself without filters).
    /// </summary>
    public void MarkCandidates(int d, bool[] candidates)
    {
        var eni = _destinations.Interfaces[d];
        if (eni.Groups.Length == 0)
        {
            Array.Fill(candidates, true);
            return;
        }
        foreach (var group in eni.Groups)
        {
            var row = _groupIngress[group.Index] ??= GroupRow(group, false);
            for (var s = 0; s < row.Length; s++) candidates[s] |= row[s] is not null;
        }
        for (var s = 0; s < _sources.Count; s++) candidates[s] |= _sources.Interfaces[s] == eni;
    }

    /// <summary>
    /// A group's rules turned around: each rule that admits some of the query's ports marks the participants on the other
    /// side whose address its peer covers (the ranges are exactly those <see cref="CompiledRule.PeerMatches"/> accepts).
    /// </summary>
    private PortSet?[] GroupRow(CompiledGroup group, bool egress)
    {
        var others = egress ? _destinations : _sources;
        var row = new PortSet?[others.Count];
        var firstRules = _singlePort ? _firstRules[egress ? 1 : 0][group.Index] = new CompiledRule?[others.Count] : null;
        var traffic = _plan.Forward;
        var ranges = new List<(UInt128 Low, UInt128 High)>();
        foreach (var rule in group.Rules(egress).For(traffic.Protocol))
        {
            var ports = rule.Admitted(traffic).Intersect(_plan.ForwardPorts);
            if (ports.IsEmpty) continue;
            ranges.Clear();
            rule.PeerRanges(_plan.Ipv6, ranges);
            foreach (var (low, high) in ranges)
            {
                foreach (var participant in others.Within(low, high))
                {
                    row[participant] = row[participant] is { } marked ? marked.Union(ports) : ports;
                    if (firstRules is not null) firstRules[participant] ??= rule;
                }
            }
        }
        return row;
    }

    /// <summary>
    /// An ACL judged for one participant's address: toward a destination or from a source on the forward path, and the
    /// same on the return path with the reply and the source ports. Shared across a subnet the ACL treats alike.
    /// </summary>
    private PortSet Acl(DecisionTable<PortSet> table, CompiledAcl acl, bool egress, bool reply, int participant)
    {
        var others = egress == reply ? _sources : _destinations;
        var home = others.HomeSubnets[participant];
        ref var slot = ref table.Slot(acl.Index, participant, home is not null && _index.Uniformity.Acl(acl, home, _plan.Ipv6) ? home : null);
        if (slot is not null) return slot;
        var (traffic, scope) = reply ? (_plan.Return, _plan.ReturnPorts) : (_plan.Forward, _plan.ForwardPorts);
        return slot = AclDecisionWalk.Admitted(acl, egress, traffic, others.Sides[participant]!.Host, scope);
    }

    private RouteVerdict RouteOut(EniSide from, EniSide to, int destination) => Route(_routeOut, _destinations, from, to.Host, destination);

    private RouteVerdict RouteBack(EniSide from, EniSide to, int source) => Route(_routeBack, _sources, from, to.Host, source);

    /// <summary>
    /// A subnet's route toward an interface depends on the subnet, whether the sender has a public IP, and the address
    /// (or only the address's subnet, when the table treats that subnet alike).
    /// </summary>
    private RouteVerdict Route(DecisionTable<RouteVerdict> table, Participants others, EniSide from, Host destination, int participant)
    {
        if (from.Subnet is not { } subnet) return RouteEvaluation.Toward(_index, null, false, destination, true);
        var publicIp = from.PublicIp is not null;
        var home = others.HomeSubnets[participant];
        var shared = home is not null && subnet.RouteTable is { } routes && _index.Uniformity.Routes(routes, home, _plan.Ipv6) ? home : null;
        ref var slot = ref table.Slot(subnet.Index * 2 + (publicIp ? 1 : 0), participant, shared);
        return slot ??= RouteEvaluation.Toward(_index, subnet, publicIp, destination, true);
    }
}

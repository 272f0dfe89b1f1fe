using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// One security group rule, compiled: its protocol, its ports as a <see cref="PortSet"/> (TCP/UDP) or its ICMP
/// type/code, and its peer as a block, the blocks of a prefix list, or the address set of a referenced group.
/// </summary>
internal sealed class CompiledRule(SecurityGroupRuleView view, string groupId, PortSet? ports, Block? cidr, Block[]? prefixList, AddressSet? members)
{
    public SecurityGroupRuleView View { get; } = view;
    public string GroupId { get; } = groupId;
    public int Protocol => View.Protocol;

    /// <summary>
    /// A CIDR contains the address; a prefix list matches when one of its current CIDRs does (an unknown list has none);
    /// a group reference when the address is a private address of an interface carrying the group in the rule's VPC
    /// or an actively peered one (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
    /// </summary>
    public bool PeerMatches(in Host peer)
    {
        if (cidr is { } block) return block.Contains(peer);
        if (prefixList is not null)
        {
            foreach (var entry in prefixList) if (entry.Contains(peer)) return true;
            return false;
        }
        return members is not null && members.Contains(peer);
    }

    public PortSet Admitted(in Traffic traffic) =>
        traffic.Admitted(View.Protocol, ports, View.FromPort, View.ToPort);
}

/// <summary>The rules of one group in one direction, in the view's order, pre-filtered by the protocols that carry traffic most.</summary>
internal sealed class RuleSet
{
    private static readonly int[] IndexedProtocols = [Traffic.All, 6, 17, 1, 58];
    private readonly CompiledRule[] _rules;
    private readonly CompiledRule[][] _byProtocol;

    public RuleSet(CompiledRule[] rules)
    {
        _rules = rules;
        _byProtocol = [.. IndexedProtocols.Select(Filter)];
    }

    public bool IsEmpty => _rules.Length == 0;

    /// <summary>
    /// The rules that can match a packet of this protocol: its own and the -1 rules. For protocol -1 (all traffic) only
    /// the -1 rules: a group admits every protocol and port only through one of them.
    /// </summary>
    public CompiledRule[] For(int protocol)
    {
        var slot = Array.IndexOf(IndexedProtocols, protocol);
        return slot >= 0 ? _byProtocol[slot] : Filter(protocol);
    }

    private CompiledRule[] Filter(int protocol) =>
        [.. _rules.Where(r => r.Protocol == Traffic.All || (protocol != Traffic.All && r.Protocol == protocol))];
}

/// <summary>A security group, compiled; a group an interface names but the view lacks has no rules.</summary>
internal sealed class CompiledGroup(string id, SecurityGroupView? view, RuleSet ingress, RuleSet egress)
{
    public string Id { get; } = id;
    public SecurityGroupView? View { get; } = view;
    public RuleSet Rules(bool egress) => egress ? _egress : _ingress;
    private readonly RuleSet _ingress = ingress;
    private readonly RuleSet _egress = egress;
}

/// <summary>
/// Security groups are stateful and allow-only, and an interface's groups act as one set: a packet passes when any
/// rule of any group admits it (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html).
/// </summary>
internal static class SecurityGroupDecision
{
    /// <summary>The ports of <paramref name="scope"/> some rule admits for this peer.</summary>
    public static PortSet Admitted(CompiledGroup[] groups, bool egress, in Traffic traffic, in Host peer, PortSet scope)
    {
        var admitted = PortSet.Empty;
        foreach (var group in groups)
        {
            foreach (var rule in group.Rules(egress).For(traffic.Protocol))
            {
                if (!rule.PeerMatches(peer)) continue;
                admitted = admitted.Union(rule.Admitted(traffic).Intersect(scope));
                if (scope.IsSubsetOf(admitted)) return scope;
            }
        }
        return admitted;
    }

    /// <summary>The rule shown for a port: the first that admits it, in the interface's group order and each group's rule order.</summary>
    public static CompiledRule? RuleFor(CompiledGroup[] groups, bool egress, in Traffic traffic, in Host peer, int port)
    {
        foreach (var group in groups)
        {
            foreach (var rule in group.Rules(egress).For(traffic.Protocol))
            {
                if (rule.PeerMatches(peer) && rule.Admitted(traffic).Contains(port)) return rule;
            }
        }
        return null;
    }

    /// <summary><c>SG_HAS_NO_RULES</c> rather than <c>ENI_SG_RULES_MISMATCH</c>: no group has a rule in that direction.</summary>
    public static bool HasNoRules(CompiledGroup[] groups, bool egress) => groups.All(g => g.Rules(egress).IsEmpty);
}

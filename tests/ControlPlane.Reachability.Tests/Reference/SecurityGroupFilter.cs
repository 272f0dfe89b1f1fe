using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// Security groups as README §4 and the VPC guide describe them: allow-only, the union of every group on the interface
/// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html).
/// </summary>
internal static class SecurityGroupFilter
{
    public sealed record Candidate(SecurityGroupView Group, SecurityGroupRuleView Rule);

    /// <summary>The interface's groups as the view holds them, in the interface's order.</summary>
    public static List<SecurityGroupView> GroupsOf(NetworkView view, NetworkInterfaceView eni) =>
        eni.GroupIds.Select(id => view.SecurityGroups.FirstOrDefault(g => g.Id == id)).OfType<SecurityGroupView>().ToList();

    /// <summary>Every rule of the direction whose protocol and peer match; ports are checked per port by <see cref="Admits"/>.</summary>
    public static List<Candidate> Candidates(NetworkView view, NetworkInterfaceView eni, bool egress, Peer peer, Packet packet)
    {
        var candidates = new List<Candidate>();
        foreach (var group in GroupsOf(view, eni))
        {
            foreach (var rule in group.Rules)
            {
                if (rule.Egress != egress) continue;
                // Protocol -1 (all traffic) passes only a rule that allows every protocol and port (README §2).
                var protocolMatches = packet.AllTraffic ? rule.Protocol == -1 : rule.Protocol == -1 || rule.Protocol == packet.Protocol;
                if (protocolMatches && PeerMatches(view, group, rule.Peer, peer, packet.Ipv6)) candidates.Add(new Candidate(group, rule));
            }
        }
        return candidates;
    }

    /// <summary>Whether any of the candidate rules admits the packet on <paramref name="port"/>.</summary>
    public static bool AnyAdmits(List<Candidate> candidates, Packet packet, int port)
    {
        foreach (var candidate in candidates)
        {
            if (Admits(candidate.Rule, packet, port)) return true;
        }
        return false;
    }

    public static bool Admits(SecurityGroupRuleView rule, Packet packet, int port)
    {
        if (rule.Protocol == -1) return true;
        if (packet.HasPorts) return port >= (rule.FromPort ?? 0) && port <= (rule.ToPort ?? 65535);
        // ICMP: FromPort is the type and ToPort the code, -1 (or absent) for any.
        if (packet.IsIcmp) return AnyOr(rule.FromPort, packet.IcmpType) && AnyOr(rule.ToPort, packet.IcmpCode);
        return true;
    }

    /// <summary>True when no group of the interface has a rule in that direction (<c>SG_HAS_NO_RULES</c>).</summary>
    public static bool HasNoRules(NetworkView view, NetworkInterfaceView eni, bool egress) =>
        GroupsOf(view, eni).All(g => g.Rules.All(r => r.Egress != egress));

    private static bool AnyOr(int? ruleValue, int packetValue) => ruleValue is null or -1 || ruleValue == packetValue;

    private static bool PeerMatches(NetworkView view, SecurityGroupView group, RulePeerView rulePeer, Peer peer, bool ipv6)
    {
        if (rulePeer.Cidr is { } cidr) return peer.IsIn(cidr, ipv6);
        if (rulePeer.PrefixListId is { } prefixListId)
        {
            // An unknown prefix list matches nothing; a known one matches through its current entries.
            var list = view.PrefixLists.FirstOrDefault(p => p.Id == prefixListId);
            return list is not null && list.Cidrs.Any(c => peer.IsIn(c, ipv6));
        }
        if (rulePeer.GroupId is { } referenced)
        {
            // A group reference matches the private addresses of the interfaces carrying the group, in the rule's VPC
            // or an actively peered one; never a public or external address.
            // https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing
            if (peer.Address is null) return false;
            return view.NetworkInterfaces.Any(eni =>
                eni.GroupIds.Contains(referenced)
                && (eni.VpcId == group.VpcId || Topology.ActivePeering(view, eni.VpcId, group.VpcId) is not null)
                && Topology.OwnAddresses(eni).Any(a => a.Equals(peer.Address)));
        }
        return false;
    }
}

using ControlPlane.Domain.Networking;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>One network ACL entry, compiled.</summary>
internal sealed class AclEntry(NetworkAclEntryView view, PortSet? ports)
{
    public NetworkAclEntryView View { get; } = view;
    public Block Block { get; } = Block.Of(view.Cidr);

    public bool AppliesTo(in Traffic traffic) => View.Protocol == Traffic.All || View.Protocol == traffic.Protocol;

    public PortSet Admitted(in Traffic traffic) => traffic.Admitted(View.Protocol, ports, View.IcmpType, View.IcmpCode);

    /// <summary>The <c>*</c> entry that ends every list (32767 IPv4, 32768 IPv6), for a view that leaves it out.</summary>
    public static AclEntry Star(bool egress, bool ipv6) =>
        new(new NetworkAclEntryView(ipv6 ? 32768 : 32767, egress, Traffic.All, false, Parse(ipv6 ? "::/0" : "0.0.0.0/0")), null);

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text, nameof(text));
}

/// <summary>A network ACL with its entries pre-sorted by rule number per (direction, family), each list ending with <c>*</c>.</summary>
internal sealed class CompiledAcl
{
    private readonly AclEntry[][] _lists;

    public CompiledAcl(NetworkAclView view)
    {
        View = view;
        _lists = new AclEntry[4][];
        foreach (var egress in new[] { false, true })
        {
            foreach (var ipv6 in new[] { false, true })
            {
                var entries = view.Entries
                    .Where(e => e.Egress == egress && e.Cidr.IsIpv6 == ipv6)
                    .OrderBy(e => e.RuleNumber)
                    .Select(e => new AclEntry(e, e.Ports is { } p ? PortSet.Range(p.From, p.To) : null))
                    .ToList();
                if (!entries.Any(e => e.View.IsDefaultDeny)) entries.Add(AclEntry.Star(egress, ipv6));
                _lists[Slot(egress, ipv6)] = [.. entries];
            }
        }
    }

    public NetworkAclView View { get; }
    public string Id => View.Id;

    public AclEntry[] Entries(bool egress, bool ipv6) => _lists[Slot(egress, ipv6)];

    private static int Slot(bool egress, bool ipv6) => (egress ? 2 : 0) + (ipv6 ? 1 : 0);
}

/// <summary>Which entry decided which ports.</summary>
internal readonly record struct AclDecision(AclEntry Entry, PortSet Ports);

/// <summary>
/// Network ACLs are stateless: entries are evaluated in ascending rule number and the first that matches decides,
/// allow or deny; <c>*</c> denies the rest (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html).
/// An entry matches on protocol (-1 or the packet's), CIDR (egress: destination; ingress: source) and ports
/// (destination port; ICMP type/code). This is the one place that first-match rule is written.
/// </summary>
internal static class AclDecisionWalk
{
    /// <summary>
    /// The ports of <paramref name="scope"/> the ACL allows toward or from <paramref name="peer"/>; with
    /// <paramref name="decisions"/> it also records which entry decided each part of the scope.
    /// </summary>
    public static PortSet Admitted(CompiledAcl acl, bool egress, in Traffic traffic, in Host peer, PortSet scope, List<AclDecision>? decisions = null)
    {
        var entries = acl.Entries(egress, traffic.Ipv6);
        if (traffic.Protocol == Traffic.All) return AdmittedAllTraffic(entries, peer, scope, decisions);
        var admitted = PortSet.Empty;
        var remaining = scope;
        foreach (var entry in entries)
        {
            if (!entry.AppliesTo(traffic) || !entry.Block.Contains(peer)) continue;
            var decided = remaining.Intersect(entry.Admitted(traffic));
            if (decided.IsEmpty) continue;
            decisions?.Add(new AclDecision(entry, decided));
            if (entry.View.Allow) admitted = admitted.Union(decided);
            remaining = remaining.Except(decided);
            if (remaining.IsEmpty) break;
        }
        return admitted;
    }

    /// <summary>
    /// All traffic passes only if no deny of any protocol comes before an allow of protocol -1 among the entries that
    /// match the address (README §4): an allow of one protocol does not admit the others.
    /// </summary>
    private static PortSet AdmittedAllTraffic(AclEntry[] entries, in Host peer, PortSet scope, List<AclDecision>? decisions)
    {
        foreach (var entry in entries)
        {
            if (!entry.Block.Contains(peer)) continue;
            if (!entry.View.Allow)
            {
                decisions?.Add(new AclDecision(entry, scope));
                return PortSet.Empty;
            }
            if (entry.View.Protocol == Traffic.All)
            {
                decisions?.Add(new AclDecision(entry, scope));
                return scope;
            }
        }
        return PortSet.Empty;
    }

    /// <summary>The entry that decided a port (the synthesised <c>*</c> catches anything the list leaves).</summary>
    public static AclEntry DecidingEntry(List<AclDecision> decisions, int port, bool egress, bool ipv6)
    {
        foreach (var decision in decisions) if (decision.Ports.Contains(port)) return decision.Entry;
        return AclEntry.Star(egress, ipv6);
    }
}

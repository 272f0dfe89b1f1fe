using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// Network ACLs as README §4 and the VPC guide describe them: stateless, entries of the packet's family in ascending rule
/// number, the first match decides, no match is the <c>*</c> deny
/// (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html).
/// </summary>
internal static class NetworkAclFilter
{
    /// <summary>The entries of the direction and family whose CIDR holds the peer, in ascending rule number.</summary>
    public static List<NetworkAclEntryView> EntriesFor(NetworkAclView acl, bool egress, Peer peer, bool ipv6) =>
        acl.Entries.Where(e => e.Egress == egress && peer.IsIn(e.Cidr, ipv6)).OrderBy(e => e.RuleNumber).ToList();

    /// <summary>The entry that decides the packet on <paramref name="port"/>: an allow admits it, a deny refuses it.</summary>
    public static NetworkAclEntryView Decide(List<NetworkAclEntryView> entries, bool egress, Packet packet, int port)
    {
        foreach (var entry in entries)
        {
            if (packet.AllTraffic)
            {
                // All traffic passes only if no deny (of any protocol) comes before an allow of every protocol.
                if (!entry.Allow || entry.Protocol == -1) return entry;
                continue;
            }
            if (Matches(entry, packet, port)) return entry;
        }
        return Star(egress, packet.Ipv6, entries);
    }

    private static bool Matches(NetworkAclEntryView entry, Packet packet, int port)
    {
        if (entry.Protocol == -1) return true;
        if (entry.Protocol != packet.Protocol) return false;
        if (packet.HasPorts) return entry.Ports is not { } ports || ports.Contains(port);
        if (packet.IsIcmp) return AnyOr(entry.IcmpType, packet.IcmpType) && AnyOr(entry.IcmpCode, packet.IcmpCode);
        return true;
    }

    private static bool AnyOr(int? entryValue, int packetValue) => entryValue is null or -1 || entryValue == packetValue;

    /// <summary>The <c>*</c> entry of the family (32767 IPv4, 32768 IPv6), as the view lists it or as AWS always has it.</summary>
    private static NetworkAclEntryView Star(bool egress, bool ipv6, List<NetworkAclEntryView> matching) =>
        matching.FirstOrDefault(e => e.IsDefaultDeny && !e.Allow)
        ?? new NetworkAclEntryView(ipv6 ? 32768 : 32767, egress, -1, false, Peer.Parse(ipv6 ? "::/0" : "0.0.0.0/0"));
}

using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// What each rule of a security group counts as toward the group's rule quota, counted per direction and
/// separately for IPv4 and IPv6: a CIDR rule is one rule of its family, a group reference one of each, and a rule
/// naming a prefix list counts the list's maximum entries (an AWS-managed list its weight) toward the list's family.
/// "You can't add a prefix list to a security group rule if the number of rules plus the max entries for the prefix
/// list exceeds the quota for rules per security group for your account."
/// https://docs.aws.amazon.com/vpc/latest/userguide/working-with-managed-prefix-lists.html
/// </summary>
public sealed class PrefixListWeights(IReadOnlyDictionary<string, PrefixListWeights.Weight> lists)
{
    public sealed record Weight(bool Ipv6, int Entries);

    /// <summary>The weights with one list at another size (to test a resize before making it).</summary>
    public PrefixListWeights Resized(string prefixListId, int maxEntries)
    {
        var copy = new Dictionary<string, Weight>(lists, StringComparer.Ordinal);
        if (copy.TryGetValue(prefixListId, out var weight)) copy[prefixListId] = weight with { Entries = maxEntries };
        return new PrefixListWeights(copy);
    }

    public (int Ipv4, int Ipv6) Of(RulePeer peer) => peer.Kind switch
    {
        PeerKind.Ipv4Cidr => (1, 0),
        PeerKind.Ipv6Cidr => (0, 1),
        PeerKind.PrefixList when lists.TryGetValue(peer.Value, out var list) => list.Ipv6 ? (0, list.Entries) : (list.Entries, 0),
        _ => (1, 1),
    };

    /// <summary>Whether the rules of one group and direction, with these peers, go over the quota.</summary>
    public bool Exceed(IEnumerable<RulePeer> peers, int quota)
    {
        var (ipv4, ipv6) = (0, 0);
        foreach (var peer in peers)
        {
            var (v4, v6) = Of(peer);
            (ipv4, ipv6) = (ipv4 + v4, ipv6 + v6);
        }
        return ipv4 > quota || ipv6 > quota;
    }
}

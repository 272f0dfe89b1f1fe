using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.SecurityGroups;

public enum PeerKind { Ipv4Cidr, Ipv6Cidr, PrefixList, SecurityGroup }

/// <summary>
/// The one peer of a rule: an IPv4 or IPv6 CIDR (canonical), a prefix list, or a security group (with its owner).
/// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
/// </summary>
public sealed record RulePeer
{
    private RulePeer(PeerKind kind, string value, string? userId)
    {
        Kind = kind;
        Value = value;
        UserId = userId;
    }

    public PeerKind Kind { get; }

    /// <summary>The canonical CIDR, the prefix list id or the group id.</summary>
    public string Value { get; }

    /// <summary>The owner account of a referenced group.</summary>
    public string? UserId { get; }

    public static RulePeer Ipv4(Cidr cidr) =>
        cidr.IsIpv6 ? throw new ArgumentException("IPv6 CIDR given as an IPv4 peer", nameof(cidr)) : new(PeerKind.Ipv4Cidr, cidr.ToString(), null);

    public static RulePeer Ipv6(Cidr cidr) =>
        cidr.IsIpv6 ? new(PeerKind.Ipv6Cidr, cidr.ToString(), null) : throw new ArgumentException("IPv4 CIDR given as an IPv6 peer", nameof(cidr));

    public static RulePeer PrefixList(string prefixListId) => new(PeerKind.PrefixList, prefixListId, null);

    public static RulePeer Group(string groupId, string userId) => new(PeerKind.SecurityGroup, groupId, userId);

    /// <summary>Whether the rule counts toward the IPv4 and/or the IPv6 rule quota (a group reference counts toward both).</summary>
    public bool CountsAsIpv4 => Kind is PeerKind.Ipv4Cidr or PeerKind.PrefixList or PeerKind.SecurityGroup;
    public bool CountsAsIpv6 => Kind is PeerKind.Ipv6Cidr or PeerKind.PrefixList or PeerKind.SecurityGroup;
}

using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.SecurityGroups;

/// <summary>
/// A stored rule read back as a <see cref="RuleSpec"/>, and a spec written onto a stored rule (ModifySecurityGroupRules
/// keeps the rule's <c>sgr-</c> id and changes everything else).
/// </summary>
public static class StoredRules
{
    /// <summary>Which of the four peer columns the rule uses (exactly one is set).</summary>
    public static PeerKind KindOfPeer(this SecurityGroupRule rule) =>
        rule.CidrIpv4 is not null ? PeerKind.Ipv4Cidr
        : rule.CidrIpv6 is not null ? PeerKind.Ipv6Cidr
        : rule.PrefixListId is not null ? PeerKind.PrefixList
        : rule.ReferencedGroupId is not null ? PeerKind.SecurityGroup
        : throw new InvalidOperationException($"Security group rule {rule.Id} has no peer.");

    public static RuleSpec ToSpec(this SecurityGroupRule rule)
    {
        var protocol = IpProtocol.FromNumber(rule.Protocol);
        var peer = rule.KindOfPeer() switch
        {
            PeerKind.Ipv4Cidr => RulePeer.Ipv4(StoredCidr(rule.CidrIpv4)),
            PeerKind.Ipv6Cidr => RulePeer.Ipv6(StoredCidr(rule.CidrIpv6)),
            PeerKind.PrefixList => RulePeer.PrefixList(rule.PrefixListId!),
            _ => RulePeer.Group(rule.ReferencedGroupId!, rule.ReferencedUserId ?? rule.AccountId),
        };
        return new RuleSpec(protocol, PortRange.ForSecurityGroup(protocol, rule.FromPort, rule.ToPort), peer, rule.Description);
    }

    /// <summary>Overwrites protocol, ports, peer, description and identity; the id, group, direction and order stay.</summary>
    public static void Apply(this SecurityGroupRule rule, RuleSpec spec)
    {
        rule.Protocol = spec.Protocol.Number;
        rule.FromPort = spec.Ports.From;
        rule.ToPort = spec.Ports.To;
        rule.CidrIpv4 = spec.Peer.Kind == PeerKind.Ipv4Cidr ? spec.Peer.Value : null;
        rule.CidrIpv6 = spec.Peer.Kind == PeerKind.Ipv6Cidr ? spec.Peer.Value : null;
        rule.PrefixListId = spec.Peer.Kind == PeerKind.PrefixList ? spec.Peer.Value : null;
        rule.ReferencedGroupId = spec.Peer.Kind == PeerKind.SecurityGroup ? spec.Peer.Value : null;
        rule.ReferencedUserId = spec.Peer.UserId;
        rule.Description = spec.Description;
        rule.Identity = spec.Identity;
    }

    private static Cidr StoredCidr(string? text) =>
        Cidr.TryParse(text, out var cidr) ? cidr : throw new InvalidOperationException($"Stored CIDR '{text}' does not parse.");
}

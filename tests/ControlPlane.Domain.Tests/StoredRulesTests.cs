using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Domain.Tests;

public sealed class StoredRulesTests
{
    [Fact]
    public void A_stored_rule_reads_back_as_the_spec_it_was_written_from()
    {
        var specs = new[]
        {
            new RuleSpec(IpProtocol.Tcp, PortRange.ForSecurityGroup(IpProtocol.Tcp, 22, 22), RulePeer.Ipv4(Parse("10.0.0.0/8")), "ssh"),
            new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Ipv6(Parse("::/0")), null),
            new RuleSpec(IpProtocol.Icmpv6, PortRange.ForSecurityGroup(IpProtocol.Icmpv6, null, null), RulePeer.PrefixList("pl-12345678"), null),
            new RuleSpec(IpProtocol.Udp, PortRange.ForSecurityGroup(IpProtocol.Udp, 53, 53), RulePeer.Group("sg-12345678", "123456789012"), "dns"),
        };
        foreach (var spec in specs)
        {
            var rule = NewRule();
            rule.Apply(spec);
            Assert.Equal(spec, rule.ToSpec());
            Assert.Equal(spec.Identity, rule.Identity);
            Assert.Equal(spec.Peer.Kind, rule.KindOfPeer());
        }
    }

    [Fact]
    public void Applying_a_spec_clears_the_old_peer_and_keeps_id_direction_and_order()
    {
        var rule = NewRule();
        rule.Apply(new RuleSpec(IpProtocol.Tcp, PortRange.ForSecurityGroup(IpProtocol.Tcp, 80, 80), RulePeer.Ipv4(Parse("10.0.0.0/8")), "old"));
        rule.Apply(new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Group("sg-12345678", "000000000000"), null));
        Assert.Null(rule.CidrIpv4);
        Assert.Null(rule.FromPort);
        Assert.Null(rule.Description);
        Assert.Equal("sg-12345678", rule.ReferencedGroupId);
        Assert.Equal("000000000000", rule.ReferencedUserId);
        Assert.Equal(-1, rule.Protocol);
        Assert.Equal(("sgr-12345678", "sg-87654321", true, 7L), (rule.Id, rule.GroupId, rule.IsEgress, rule.Sequence));
    }

    [Fact]
    public void A_group_reference_without_owner_belongs_to_the_rules_account()
    {
        var rule = NewRule();
        rule.Apply(new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Group("sg-12345678", "000000000000"), null));
        rule.ReferencedUserId = null;
        Assert.Equal("111122223333", rule.ToSpec().Peer.UserId);
    }

    private static SecurityGroupRule NewRule() => new()
    {
        AccountId = "111122223333", Region = "us-east-1", Id = "sgr-12345678", GroupId = "sg-87654321", IsEgress = true,
        Protocol = -1, Identity = "", Sequence = 7,
    };

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text);
}

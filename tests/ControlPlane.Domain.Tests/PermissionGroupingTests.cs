using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Domain.Tests;

public sealed class PermissionGroupingTests
{
    [Fact]
    public void Rules_with_the_same_protocol_and_ports_form_one_permission_in_first_seen_order()
    {
        var rules = new[]
        {
            Rule(3, IpProtocol.Tcp, 22, 22, "10.0.0.0/8"),
            Rule(1, IpProtocol.Tcp, 443, 443, "0.0.0.0/0"),
            Rule(2, IpProtocol.Tcp, 22, 22, "192.168.0.0/16"),
            Rule(4, IpProtocol.Tcp, 443, 443, "10.0.0.0/8"),
            Rule(0, IpProtocol.Tcp, 22, 22, "172.16.0.0/12"),
        };
        var groups = PermissionGrouping.Group(rules);
        Assert.Equal([new PermissionKey(6, 22, 22), new PermissionKey(6, 443, 443)], groups.Select(g => g.Key));
        Assert.Equal(["172.16.0.0/12", "192.168.0.0/16", "10.0.0.0/8"], groups[0].Select(r => r.CidrIpv4));
        Assert.Equal(["0.0.0.0/0", "10.0.0.0/8"], groups[1].Select(r => r.CidrIpv4));
    }

    [Fact]
    public void Another_port_or_protocol_is_another_permission()
    {
        var groups = PermissionGrouping.Group(new[]
        {
            Rule(0, IpProtocol.Tcp, 80, 80, "0.0.0.0/0"),
            Rule(1, IpProtocol.Udp, 80, 80, "0.0.0.0/0"),
            Rule(2, IpProtocol.Tcp, 80, 81, "0.0.0.0/0"),
            Rule(3, IpProtocol.All, null, null, "0.0.0.0/0"),
        });
        Assert.Equal(4, groups.Count);
        Assert.Equal(new PermissionKey(-1, null, null), groups[3].Key);
    }

    [Fact]
    public void Every_kind_of_peer_joins_the_same_permission()
    {
        var specs = new[]
        {
            new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Ipv4(Parse("0.0.0.0/0")), null),
            new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Ipv6(Parse("::/0")), null),
            new RuleSpec(IpProtocol.All, PortRange.AllPorts, RulePeer.Group("sg-12345678", "000000000000"), null),
        };
        var group = Assert.Single(PermissionGrouping.Group(specs));
        Assert.Equal(3, group.Count());
    }

    [Fact]
    public void Specs_keep_the_order_they_were_given() =>
        Assert.Equal([new PermissionKey(17, 53, 53), new PermissionKey(6, 22, 22)], PermissionGrouping.Group(new[]
        {
            new RuleSpec(IpProtocol.Udp, PortRange.ForSecurityGroup(IpProtocol.Udp, 53, 53), RulePeer.Ipv4(Parse("10.0.0.0/8")), null),
            new RuleSpec(IpProtocol.Tcp, PortRange.ForSecurityGroup(IpProtocol.Tcp, 22, 22), RulePeer.Ipv4(Parse("10.0.0.0/8")), null),
        }).Select(g => g.Key));

    private static SecurityGroupRule Rule(long sequence, IpProtocol protocol, int? from, int? to, string cidr)
    {
        var rule = new SecurityGroupRule
        {
            AccountId = "000000000000", Region = "us-east-1", Id = $"sgr-{sequence:x8}", GroupId = "sg-12345678", IsEgress = false,
            Protocol = protocol.Number, Identity = "", Sequence = sequence,
        };
        rule.Apply(new RuleSpec(protocol, PortRange.ForSecurityGroup(protocol, from, to), RulePeer.Ipv4(Parse(cidr)), null));
        return rule;
    }

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text);
}

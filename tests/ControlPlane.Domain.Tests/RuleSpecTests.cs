using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Domain.Tests;

public sealed class RuleSpecTests
{
    [Fact]
    public void A_rule_authorised_as_6_is_the_tcp_rule() =>
        Assert.Equal(Spec("6", 22, 22, Ipv4("0.0.0.0/0")).Identity, Spec("tcp", 22, 22, Ipv4("0.0.0.0/0")).Identity);

    [Fact]
    public void Protocol_names_are_case_insensitive() =>
        Assert.Equal(Spec("UDP", 53, 53, Ipv4("10.0.0.0/8")).Identity, Spec("udp", 53, 53, Ipv4("10.0.0.0/8")).Identity);

    [Fact]
    public void The_description_does_not_make_another_rule() =>
        Assert.Equal(Spec("tcp", 22, 22, Ipv4("0.0.0.0/0"), "ssh").Identity, Spec("tcp", 22, 22, Ipv4("0.0.0.0/0"), "other").Identity);

    [Fact]
    public void Non_canonical_CIDRs_are_the_same_rule() =>
        Assert.Equal(Spec("tcp", 22, 22, Ipv4("100.68.0.18/18")).Identity, Spec("tcp", 22, 22, Ipv4("100.68.0.0/18")).Identity);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, -1)]
    [InlineData(null, null)]
    [InlineData(22, 80)]
    public void Ports_do_not_count_for_all_traffic(int? from, int? to) =>
        Assert.Equal(Spec("-1", null, null, Ipv4("0.0.0.0/0")).Identity, Spec("-1", from, to, Ipv4("0.0.0.0/0")).Identity);

    [Fact]
    public void Ports_do_not_count_for_protocols_without_them() =>
        Assert.Equal(Spec("50", null, null, Ipv4("0.0.0.0/0")).Identity, Spec("50", 1, 2, Ipv4("0.0.0.0/0")).Identity);

    [Fact]
    public void Ports_count_for_tcp() =>
        Assert.NotEqual(Spec("tcp", 22, 22, Ipv4("0.0.0.0/0")).Identity, Spec("tcp", 22, 23, Ipv4("0.0.0.0/0")).Identity);

    [Fact]
    public void Direction_free_parts_that_differ_make_different_rules()
    {
        var tcp = Spec("tcp", 443, 443, Ipv4("10.0.0.0/16")).Identity;
        Assert.NotEqual(tcp, Spec("udp", 443, 443, Ipv4("10.0.0.0/16")).Identity);
        Assert.NotEqual(tcp, Spec("tcp", 443, 443, Ipv4("10.1.0.0/16")).Identity);
        Assert.NotEqual(tcp, Spec("tcp", 443, 443, RulePeer.Group("sg-0123456789abcdef0", "000000000000")).Identity);
        Assert.NotEqual(tcp, Spec("tcp", 443, 443, RulePeer.PrefixList("pl-0123456789abcdef0")).Identity);
    }

    [Fact]
    public void The_same_value_as_another_kind_of_peer_is_another_rule() =>
        Assert.NotEqual(Spec("-1", null, null, RulePeer.PrefixList("pl-12345678")).Identity, Spec("-1", null, null, RulePeer.Group("pl-12345678", "1")).Identity);

    [Theory]
    [InlineData("tcp", 22, 22, "0.0.0.0/0", "peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW")]
    [InlineData("6", 0, 65535, "10.0.0.0/8", "peer: 10.0.0.0/8, TCP, from port: 0, to port: 65535, ALLOW")]
    [InlineData("udp", 53, 53, "10.0.0.0/8", "peer: 10.0.0.0/8, UDP, from port: 53, to port: 53, ALLOW")]
    [InlineData("-1", 0, 0, "0.0.0.0/0", "peer: 0.0.0.0/0, ALL, ALLOW")]
    [InlineData("50", null, null, "0.0.0.0/0", "peer: 0.0.0.0/0, protocol: 50, ALLOW")]
    [InlineData("icmp", 8, -1, "0.0.0.0/0", "peer: 0.0.0.0/0, ICMP, type: 8, code: -1, ALLOW")]
    public void Duplicates_are_described_as_AWS_does(string protocol, int? from, int? to, string cidr, string expected) =>
        Assert.Equal(expected, Spec(protocol, from, to, Ipv4(cidr)).DuplicateDescription);

    [Fact]
    public void Duplicate_group_references_name_the_group() =>
        Assert.Equal("peer: sg-8b3b99f3, TCP, from port: 0, to port: 65535, ALLOW",
            Spec("tcp", 0, 65535, RulePeer.Group("sg-8b3b99f3", "123456789012")).DuplicateDescription);

    [Fact]
    public void Duplicate_ipv6_rules_name_the_block() =>
        Assert.Equal("peer: ::/0, ALL, ALLOW", Spec("-1", null, null, Ipv6("::/0")).DuplicateDescription);

    private static RuleSpec Spec(string protocol, int? from, int? to, RulePeer peer, string? description = null)
    {
        Assert.True(IpProtocol.TryParseSecurityGroupProtocol(protocol, out var p));
        return new RuleSpec(p, PortRange.ForSecurityGroup(p, from, to), peer, description);
    }

    private static RulePeer Ipv4(string cidr) => RulePeer.Ipv4(Cidr.TryParse(cidr, out var c) ? c : throw new ArgumentException(cidr));

    private static RulePeer Ipv6(string cidr) => RulePeer.Ipv6(Cidr.TryParse(cidr, out var c) ? c : throw new ArgumentException(cidr));
}

using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.NetworkBuilder;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class PacketAnalysisTests
{
    private static NetworkAclEntryView Entry(int number, bool egress, int protocol, bool allow, string cidr, int? from = null, int? to = null, int? type = null, int? code = null) =>
        new(number, egress, protocol, allow, C(cidr), from is null ? null : new PortSpan(from.Value, to ?? from.Value), type, code);

    [Fact]
    public void Protocol_all_needs_an_all_traffic_rule_where_tcp_needs_a_tcp_rule()
    {
        var network = OneVpc().Compile();

        Assert.True(network.Analyze(Tcp("eni-a", "eni-b", 22)).NetworkPathFound);
        var all = network.Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = -1 });
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], all.Codes());
        Assert.Equal("protocol", all.Explanations[0].PacketField);
    }

    [Fact]
    public void Protocol_all_passes_an_ACL_only_if_no_deny_of_any_protocol_comes_before_an_all_traffic_allow()
    {
        var network = OneVpc()
            .Rules("sg-server", g => g.Ingress(-1, null, null, "10.0.0.0/16"))
            .Acl("acl-b", "vpc-a", ["subnet-a2"],
                Entry(50, false, 17, false, "10.0.1.0/24", 53), Entry(100, false, -1, true, "0.0.0.0/0"), Entry(100, true, -1, true, "0.0.0.0/0"))
            .Compile();

        var all = network.Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = -1 });
        var tcp = network.Analyze(Tcp("eni-a", "eni-b", 22));

        Assert.Equal(50, all.Single("SUBNET_ACL_RESTRICTION").AclRule!.RuleNumber);
        Assert.True(tcp.NetworkPathFound);
    }

    [Fact]
    public void A_tcp_allow_does_not_admit_all_traffic_through_an_ACL()
    {
        var network = OneVpc()
            .Rules("sg-server", g => g.Ingress(-1, null, null, "10.0.0.0/16"))
            .Acl("acl-b", "vpc-a", ["subnet-a2"], Entry(100, false, 6, true, "0.0.0.0/0", 0, 65535), Entry(100, true, -1, true, "0.0.0.0/0"))
            .Compile();

        var all = network.Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = -1 });

        Assert.Equal(32767, all.Single("SUBNET_ACL_RESTRICTION").AclRule!.RuleNumber);
    }

    /// <summary>eni-b admits echo requests (type 8, any code); its subnet lets echo requests in and echo replies out.</summary>
    private static CompiledNetwork Icmp() => OneVpc()
        .Rules("sg-server", g => g.Ingress(1, 8, -1, "10.0.0.0/16"))
        .Acl("acl-b", "vpc-a", ["subnet-a2"], Entry(100, false, 1, true, "0.0.0.0/0", type: 8, code: -1), Entry(100, true, 1, true, "0.0.0.0/0", type: 0, code: 0))
        .Compile();

    [Fact]
    public void A_ping_is_an_echo_request_answered_by_an_echo_reply()
    {
        var analysis = Icmp().Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = 1 });

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("icmp", analysis.ForwardPath[5].SecurityGroupRule!.Protocol);
    }

    [Fact]
    public void Other_ICMP_types_need_their_own_rules_and_come_back_as_the_same_type()
    {
        var analysis = Icmp().Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = 1, IcmpType = 3, IcmpCode = 4 });

        Assert.Equal(["SUBNET_ACL_RESTRICTION", "ENI_SG_RULES_MISMATCH", "SUBNET_ACL_RESTRICTION"], analysis.Codes());
        Assert.Equal(["forward", "forward", "return"], analysis.Explanations.Select(e => e.Path));
    }

    [Fact]
    public void IPv6_uses_the_IPv6_addresses_rules_and_entries()
    {
        var network = OneVpc().Compile();
        var withRule = OneVpc().Rules("sg-server", g => g.Ingress(6, 22, 22, "2600:1f18:a::/56")).Compile();

        var v6 = network.Analyze(Tcp("eni-a", "eni-b", 22) with { Ipv6 = true });
        var allowed = withRule.Analyze(Tcp("eni-a", "eni-b", 22) with { Ipv6 = true });

        Assert.Equal(["ENI_SG_RULES_MISMATCH"], v6.Codes());
        Assert.True(allowed.NetworkPathFound);
        Assert.Equal(101, allowed.ForwardPath[2].AclRule!.RuleNumber);
        Assert.Equal(["2600:1f18:a:1::10/128"], allowed.ForwardPath[0].OutboundHeader!.SourceAddresses);
    }

    [Fact]
    public void IPv6_traffic_meets_the_IPv6_star_entry_when_the_ACL_only_allows_IPv4()
    {
        var network = OneVpc()
            .Rules("sg-server", g => g.Ingress(6, 22, 22, "::/0"))
            .Acl("acl-b", "vpc-a", ["subnet-a2"], Entry(100, false, -1, true, "0.0.0.0/0"), Entry(100, true, -1, true, "0.0.0.0/0"))
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-b", 22) with { Ipv6 = true });

        Assert.Equal([32768, 32768], analysis.Explanations.Select(e => e.AclRule!.RuleNumber));
    }

    [Fact]
    public void A_protocol_without_ports_matches_its_own_number_or_all()
    {
        var network = OneVpc().Rules("sg-server", g => g.Ingress(50, null, null, "10.0.0.0/16")).Compile();

        Assert.True(network.Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = 50 }).NetworkPathFound);
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], network.Analyze(Tcp("eni-a", "eni-b", null) with { Protocol = 51 }).Codes());
    }

    [Fact]
    public void UDP_rules_do_not_admit_TCP()
    {
        var network = OneVpc().Rules("sg-server", g => g.Ingress(17, 53, 53, "10.0.0.0/16")).Compile();

        Assert.True(network.Analyze(Tcp("eni-a", "eni-b", 53) with { Protocol = 17 }).NetworkPathFound);
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], network.Analyze(Tcp("eni-a", "eni-b", 53)).Codes());
    }
}

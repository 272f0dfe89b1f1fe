using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.NetworkBuilder;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class NetworkAclAnalysisTests
{
    private static NetworkAclEntryView Entry(int number, bool egress, int protocol, bool allow, string cidr, int? from = null, int? to = null) =>
        new(number, egress, protocol, allow, C(cidr), from is null ? null : new PortSpan(from.Value, to ?? from.Value));

    /// <summary>subnet-a1 (eni-a, eni-c) gets an ACL that denies everything but its own <c>*</c> entries.</summary>
    private static NetworkBuilder DenyAllOnA1() => OneVpc().Acl("acl-closed", "vpc-a", ["subnet-a1"],
        Entry(32767, false, -1, false, "0.0.0.0/0"), Entry(32767, true, -1, false, "0.0.0.0/0"));

    [Fact]
    public void Traffic_between_two_interfaces_of_one_subnet_skips_the_ACL_on_both_paths()
    {
        var analysis = DenyAllOnA1().Compile().Analyze(Tcp("eni-a", "eni-c", 22));

        Assert.True(analysis.NetworkPathFound);
        Assert.DoesNotContain("network-acl", analysis.ForwardPath.Types());
        Assert.DoesNotContain("network-acl", analysis.ReturnPath.Types());
        Assert.Contains("route-table", analysis.ForwardPath.Types());
    }

    [Fact]
    public void Leaving_the_subnet_the_star_entry_denies_on_every_ACL_hop()
    {
        var analysis = DenyAllOnA1().Compile().Analyze(Tcp("eni-a", "eni-b", 22));

        Assert.Equal(["SUBNET_ACL_RESTRICTION", "SUBNET_ACL_RESTRICTION"], analysis.Codes());
        var (egress, ingress) = (analysis.Explanations[0], analysis.Explanations[1]);
        Assert.Equal(("egress", "forward", "acl-closed", 32767), (egress.Direction, egress.Path, egress.Component!.Id, egress.AclRule!.RuleNumber));
        Assert.Equal(("ingress", "return", "subnet-a1"), (ingress.Direction, ingress.Path, ingress.Subnet!.Id));
        Assert.Equal("deny", egress.AclRule.RuleAction);
    }

    [Fact]
    public void A_lower_numbered_deny_beats_a_higher_allow()
    {
        var network = OneVpc().Acl("acl-b", "vpc-a", ["subnet-a2"],
            Entry(90, false, 6, false, "10.0.1.0/24", 22), Entry(100, false, -1, true, "0.0.0.0/0"), Entry(100, true, -1, true, "0.0.0.0/0")).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-b", 22));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("SUBNET_ACL_RESTRICTION", "ingress", 90), (explanation.Code, explanation.Direction, explanation.AclRule!.RuleNumber));
        Assert.True(analysis.ReturnPathFound);
    }

    [Fact]
    public void A_missing_star_entry_is_the_implicit_deny()
    {
        var network = OneVpc().Acl("acl-b", "vpc-a", ["subnet-a2"], Entry(100, true, -1, true, "0.0.0.0/0")).Compile();

        var explanation = Assert.Single(network.Analyze(Tcp("eni-a", "eni-b", 22)).Explanations);

        Assert.Equal((32767, "deny", false), (explanation.AclRule!.RuleNumber, explanation.AclRule.RuleAction, explanation.AclRule.Egress));
    }

    /// <summary>eni-b's subnet lets replies out only to ports 1024-40000: Linux clients use 32768-60999.</summary>
    private static NetworkBuilder NarrowEphemeral() => OneVpc().Acl("acl-b", "vpc-a", ["subnet-a2"],
        Entry(100, false, -1, true, "0.0.0.0/0"), Entry(100, true, 6, true, "10.0.0.0/16", 1024, 40000));

    [Fact]
    public void The_return_path_is_blocked_when_the_outbound_ACL_refuses_some_ephemeral_port()
    {
        var analysis = NarrowEphemeral().Compile().Analyze(Tcp("eni-a", "eni-b", 22));

        Assert.True(analysis.ForwardPathFound);
        Assert.False(analysis.ReturnPathFound);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("SUBNET_ACL_RESTRICTION", "return", "egress"), (explanation.Code, explanation.Path, explanation.Direction));
        Assert.Equal([new PortSpan(40001, 60999)], explanation.PortRanges);
        Assert.Equal(32767, explanation.AclRule!.RuleNumber);
        Assert.Equal((new PortSpan(32768, 60999), "profile:Linux"), (analysis.SourcePorts, analysis.SourcePortOrigin));
    }

    [Fact]
    public void Without_RequireAllSourcePorts_one_admitted_ephemeral_port_is_enough_as_AWS_reports()
    {
        var analysis = NarrowEphemeral().Compile().Analyze(Tcp("eni-a", "eni-b", 22) with { RequireAllSourcePorts = false });

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal(100, analysis.ReturnPath.Single(c => c.AclRule is { Egress: true }).AclRule!.RuleNumber);
        Assert.Equal([new PortSpan(32768, 40000)], analysis.ReturnPath[^1].InboundHeader!.DestinationPorts);
    }

    [Theory]
    [InlineData(Queries.ClientProfile.Linux, true)]
    [InlineData(Queries.ClientProfile.Windows, false)]
    public void The_client_profile_decides_which_ephemeral_ports_the_return_path_needs(Queries.ClientProfile profile, bool found)
    {
        var analysis = NarrowEphemeral().Compile().Analyze(Tcp("eni-a", "eni-b", 22) with { ClientProfile = profile, RequireAllSourcePorts = false });

        Assert.Equal(found, analysis.ReturnPathFound);
        Assert.Equal(profile == Queries.ClientProfile.Linux ? "profile:Linux" : "profile:Windows", analysis.SourcePortOrigin);
    }

    [Fact]
    public void Given_source_ports_are_used_and_stated()
    {
        var analysis = NarrowEphemeral().Compile().Analyze(Tcp("eni-a", "eni-b", 22) with { SourcePorts = new PortSpan(30000, 30010) });

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal((new PortSpan(30000, 30010), "query"), (analysis.SourcePorts, analysis.SourcePortOrigin));
    }

    [Fact]
    public void With_any_destination_port_a_deny_of_some_ports_still_lets_the_others_through()
    {
        var network = OneVpc()
            .Group("sg-open", "vpc-a", g => g.Ingress(6, 0, 65535, "10.0.0.0/16"))
            .Eni("eni-o", "subnet-a2", "10.0.2.99", ["sg-open"])
            .Acl("acl-b", "vpc-a", ["subnet-a2"], Entry(50, false, 6, false, "0.0.0.0/0", 0, 1023), Entry(100, false, -1, true, "0.0.0.0/0"), Entry(100, true, -1, true, "0.0.0.0/0"))
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-o", null));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal(100, analysis.ForwardPath[4].AclRule!.RuleNumber);
        Assert.Equal([new PortSpan(1024, 65535)], analysis.ForwardPath[^1].InboundHeader!.DestinationPorts);
    }
}

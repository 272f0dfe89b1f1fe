using System.Net;
using ControlPlane.Reachability.Queries;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class SecurityGroupAnalysisTests
{
    [Fact]
    public void A_path_lists_its_components_in_order_with_the_matched_rule_at_each_hop()
    {
        var analysis = OneVpc().Compile().Analyze(Tcp("eni-a", "eni-b", 22));

        Assert.True(analysis.NetworkPathFound);
        Assert.Empty(analysis.Explanations);
        Assert.Equal(["network-interface", "security-group", "network-acl", "route-table", "network-acl", "security-group", "network-interface"], analysis.ForwardPath.Types());
        Assert.Equal(["network-interface", "security-group", "network-acl", "route-table", "network-acl", "security-group", "network-interface"], analysis.ReturnPath.Types());
        Assert.Equal("sgr-sg-client-1", analysis.ForwardPath[1].SecurityGroupRule!.RuleId);
        Assert.Equal(100, analysis.ForwardPath[2].AclRule!.RuleNumber);
        Assert.Equal("local", analysis.ForwardPath[3].RouteTableRoute!.TargetId);
        Assert.Equal("sgr-sg-server-3", analysis.ForwardPath[5].SecurityGroupRule!.RuleId);
        Assert.Equal("ingress", analysis.ForwardPath[5].SecurityGroupRule!.Direction);
        Assert.Null(analysis.ReturnPath[1].SecurityGroupRule);
        Assert.Equal(Enumerable.Range(1, 7), analysis.ForwardPath.Select(c => c.SequenceNumber));
        Assert.Equal(("eni-a", "eni-b"), (analysis.SourceInterfaceId, analysis.DestinationInterfaceId));
    }

    [Fact]
    public void No_ingress_rule_for_the_port_is_ENI_SG_RULES_MISMATCH_on_the_destination_interface()
    {
        var analysis = OneVpc().Compile().Analyze(Tcp("eni-a", "eni-b", 80));

        Assert.False(analysis.ForwardPathFound);
        Assert.True(analysis.ReturnPathFound);
        var explanation = analysis.Single("ENI_SG_RULES_MISMATCH");
        Assert.Equal(("ingress", "forward", "eni-b"), (explanation.Direction, explanation.Path, explanation.Component!.Id));
        Assert.Equal(["sg-server"], explanation.SecurityGroups.Select(g => g.Id));
        Assert.Equal((80, "tcp", "destination-port"), (explanation.Port, explanation.Protocol, explanation.PacketField));
    }

    [Fact]
    public void A_group_without_rules_in_that_direction_is_SG_HAS_NO_RULES()
    {
        var network = OneVpc().Group("sg-empty", "vpc-a").Eni("eni-e", "subnet-a2", "10.0.2.40", ["sg-empty"]).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-e", 22));

        var explanation = analysis.Single("SG_HAS_NO_RULES");
        Assert.Equal(("ingress", "eni-e"), (explanation.Direction, explanation.Component!.Id));
        Assert.True(analysis.ReturnPathFound);
    }

    [Fact]
    public void Egress_without_rules_blocks_at_the_source_and_both_ends_are_reported()
    {
        var network = OneVpc().Group("sg-empty", "vpc-a").Eni("eni-e", "subnet-a2", "10.0.2.40", ["sg-empty"]).Compile();

        var analysis = network.Analyze(Tcp("eni-e", "eni-a", 22));

        // eni-a's sg-client has egress rules only: its ingress side has no rules either.
        Assert.Equal(["SG_HAS_NO_RULES", "SG_HAS_NO_RULES"], analysis.Codes());
        Assert.Equal(["egress", "ingress"], analysis.Explanations.Select(e => e.Direction));
    }

    [Fact]
    public void The_union_of_an_interfaces_groups_admits_what_any_group_admits()
    {
        var network = OneVpc()
            .Group("sg-http", "vpc-a", g => g.Ingress(6, 80, 80, "10.0.1.0/24"))
            .Eni("eni-d", "subnet-a2", "10.0.2.50", ["sg-server", "sg-http"])
            .Compile();

        Assert.True(network.Analyze(Tcp("eni-a", "eni-d", 80)).NetworkPathFound);
        var ssh = network.Analyze(Tcp("eni-a", "eni-d", 22));
        Assert.Equal("sg-server", ssh.ForwardPath[5].Component.Id);
    }

    [Fact]
    public void A_group_reference_matches_a_secondary_private_address_of_a_member()
    {
        var network = OneVpc()
            .Group("sg-members", "vpc-a", g => g.AllEgress())
            .Group("sg-guarded", "vpc-a", g => g.Ingress(6, 443, 443, "sg-members"))
            .Eni("eni-m", "subnet-a1", "10.0.1.40", ["sg-members"], secondary: ["10.0.1.41"])
            .Eni("eni-x", "subnet-a1", "10.0.1.50", ["sg-client"])
            .Eni("eni-g", "subnet-a2", "10.0.2.60", ["sg-guarded"])
            .Compile();

        var fromSecondary = network.Analyze(Tcp("eni-m", "eni-g", 443) with { SourceAddress = IPAddress.Parse("10.0.1.41") });
        var fromOutsider = network.Analyze(Tcp("eni-x", "eni-g", 443));

        Assert.True(fromSecondary.NetworkPathFound);
        Assert.Equal("sg-members", fromSecondary.ForwardPath[5].SecurityGroupRule!.ReferencedGroupId);
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], fromOutsider.Codes());
    }

    [Fact]
    public void A_group_reference_matches_members_in_an_actively_peered_VPC()
    {
        var analysis = Peered().Compile().Analyze(Tcp("eni-a", "eni-p", 5432));

        Assert.True(analysis.NetworkPathFound);
        Assert.Contains("vpc-peering-connection", analysis.ForwardPath.Types());
        Assert.Contains("vpc-peering-connection", analysis.ReturnPath.Types());
    }

    [Fact]
    public void A_group_reference_does_not_reach_across_a_peering_that_is_not_active()
    {
        var analysis = Peered("pending-acceptance").Compile().Analyze(Tcp("eni-a", "eni-p", 5432));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal("DISCONNECTED_VPCS", explanation.Code);
        Assert.Equal(("vpc-a", "vpc-p"), (explanation.SourceVpc!.Id, explanation.DestinationVpc!.Id));
    }

    [Fact]
    public void A_group_reference_never_matches_an_external_address()
    {
        var network = Public().Group("sg-ref", "vpc-a", g => g.Ingress(6, 443, 443, "sg-web")).Eni("eni-r", "subnet-pub", "10.0.1.30", ["sg-ref"], publicIp: "54.0.0.30").Compile();

        var analysis = network.Analyze(FromInternet("eni-r", 443) with { SourceAddress = IPAddress.Parse("54.0.0.10") });

        Assert.Equal(["ENI_SG_RULES_MISMATCH"], analysis.Codes());
    }

    [Fact]
    public void A_prefix_list_peer_matches_the_addresses_of_its_current_entries()
    {
        var network = OneVpc()
            .PrefixList("pl-office", "10.0.1.0/28")
            .Group("sg-pl", "vpc-a", g => g.Ingress(6, 8080, 8080, "pl-office").Ingress(6, 9090, 9090, "pl-unknown"))
            .Eni("eni-pl", "subnet-a2", "10.0.2.70", ["sg-pl"])
            .Compile();

        var inside = network.Analyze(Tcp("eni-a", "eni-pl", 8080));
        var outside = network.Analyze(Tcp("eni-c", "eni-pl", 8080));
        var unknownList = network.Analyze(Tcp("eni-a", "eni-pl", 9090));

        Assert.True(inside.NetworkPathFound);
        Assert.Equal("pl-office", inside.ForwardPath[5].SecurityGroupRule!.PrefixListId);
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], outside.Codes());
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], unknownList.Codes());
    }

    [Fact]
    public void An_interface_without_groups_is_not_filtered()
    {
        var network = OneVpc().Eni("eni-nat", "subnet-a2", "10.0.2.90", []).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-nat", 1234));

        Assert.True(analysis.NetworkPathFound);
        Assert.DoesNotContain("security-group", analysis.ForwardPath.Skip(2).Types());
        Assert.Contains(analysis.Notes, n => n.Contains("no security groups", StringComparison.Ordinal));
    }

    [Fact]
    public void With_any_port_the_shown_rule_admits_the_lowest_port_that_survives_every_component()
    {
        var network = OneVpc()
            .Group("sg-many", "vpc-a", g => g.Ingress(6, 8000, 8100, "10.0.0.0/16").Ingress(6, 3000, 3000, "10.0.1.0/24"))
            .Eni("eni-many", "subnet-a2", "10.0.2.80", ["sg-many"])
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-many", null));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("sgr-sg-many-2", analysis.ForwardPath[5].SecurityGroupRule!.RuleId);
        Assert.Equal([new View.PortSpan(3000, 3000), new View.PortSpan(8000, 8100)], analysis.ForwardPath[^1].InboundHeader!.DestinationPorts);
    }
}

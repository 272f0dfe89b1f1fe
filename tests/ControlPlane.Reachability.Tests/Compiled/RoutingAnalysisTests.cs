using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.NetworkBuilder;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class RoutingAnalysisTests
{
    [Fact]
    public void A_blackhole_route_is_BAD_STATE_ROUTE_and_the_rest_of_the_path_is_still_judged()
    {
        var network = Peered()
            .ReplaceRoutes(MainTable("vpc-a"),
                new RouteView(C("10.0.0.0/16"), null, RouteTargetKind.Local, "local", RouteState.Active),
                new RouteView(C("10.1.0.0/16"), null, RouteTargetKind.VpcPeeringConnection, "pcx-gone", RouteState.Blackhole))
            .Rules("sg-db", g => g.Ingress(6, 6000, 6000, "10.9.0.0/16"))
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-p", 6000));

        Assert.Equal(["BAD_STATE_ROUTE", "ENI_SG_RULES_MISMATCH"], analysis.Codes());
        var route = analysis.Explanations[0];
        Assert.Equal((MainTable("vpc-a"), "blackhole", "forward"), (route.Component!.Id, route.RouteTableRoute!.State, route.Path));
        Assert.Null(route.Direction);
    }

    [Fact]
    public void Peering_needs_a_route_back_on_the_other_side()
    {
        var network = Peered().ReplaceRoutes(MainTable("vpc-p"), new RouteView(C("10.1.0.0/16"), null, RouteTargetKind.Local, "local", RouteState.Active)).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-p", 5432));

        Assert.True(analysis.ForwardPathFound);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("NO_ROUTE_TO_DESTINATION", "return", MainTable("vpc-p")), (explanation.Code, explanation.Path, explanation.Component!.Id));
        Assert.Equal("10.0.1.10", explanation.Address);
    }

    [Fact]
    public void The_local_route_only_reaches_its_own_VPC()
    {
        var network = Peered().ReplaceRoutes(MainTable("vpc-a"), new RouteView(C("10.0.0.0/8"), null, RouteTargetKind.Local, "local", RouteState.Active)).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-p", 5432));

        Assert.Equal(["VPC_LOCAL_ROUTE_CIDR_RESTRICTION"], analysis.Codes());
    }

    [Fact]
    public void On_equal_prefix_length_the_local_route_wins()
    {
        var network = OneVpc().InternetGateway("igw-a", "vpc-a").Route(MainTable("vpc-a"), "10.0.0.0/16", RouteTargetKind.InternetGateway, "igw-a").Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-b", 22));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("local", analysis.ForwardPath[3].RouteTableRoute!.TargetId);
    }

    [Fact]
    public void On_equal_prefix_length_a_CIDR_route_beats_a_prefix_list_route()
    {
        var network = Peered()
            .PrefixList("pl-peer", "10.1.0.0/16")
            .Route(MainTable("vpc-a"), "pl-peer", RouteTargetKind.NatGateway, "nat-1")
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-p", 5432));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("pcx-ab", analysis.ForwardPath[3].RouteTableRoute!.TargetId);
    }

    [Fact]
    public void A_more_specific_prefix_list_route_wins_over_a_shorter_CIDR_route()
    {
        var network = Peered()
            .PrefixList("pl-peer", "10.1.1.0/24")
            .Route(MainTable("vpc-a"), "pl-peer", RouteTargetKind.NatGateway, "nat-1")
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-p", 5432));

        var explanation = analysis.Single("UNSUPPORTED_COMPONENT");
        Assert.Equal(("pl-peer", "nat-1"), (explanation.RouteTableRoute!.DestinationPrefixListId, explanation.RouteTableRoute.TargetId));
        Assert.False(analysis.ForwardPathFound);
    }

    /// <summary>vpc-a peers with vpc-x of another account (172.31.0.0/16), which the view does not hold.</summary>
    private static NetworkBuilder PeeredOutsideView(string status) => OneVpc()
        .Peering("pcx-x", "vpc-a", "vpc-x", status, ["172.31.0.0/16"])
        .Route(MainTable("vpc-a"), "172.16.0.0/12", RouteTargetKind.VpcPeeringConnection, "pcx-x");

    [Fact]
    public void An_address_in_a_peer_VPC_outside_the_view_ends_the_path_at_the_peering_as_UNKNOWN_DESTINATION()
    {
        var analysis = PeeredOutsideView("active").Compile().Analyze(ToAddress("eni-a", "172.31.5.5", 443));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("UNKNOWN_DESTINATION", "pcx-x"), (explanation.Code, explanation.Component!.Id));
        Assert.False(analysis.ForwardPathFound || analysis.ReturnPathFound);
        Assert.Equal("vpc-peering-connection", analysis.ForwardPath[^1].Component.Type);
    }

    [Fact]
    public void A_peering_carries_only_addresses_of_the_other_VPC()
    {
        var analysis = PeeredOutsideView("active").Compile().Analyze(ToAddress("eni-a", "172.20.0.1", 443));

        Assert.Equal(["PCX_REQUIRES_ADDRESS_IN_VPC_CIDR"], analysis.Codes());
        Assert.Equal("pcx-x", analysis.Explanations[0].Component!.Id);
    }

    [Fact]
    public void A_peering_that_is_not_active_is_BAD_STATE()
    {
        var analysis = PeeredOutsideView("pending-acceptance").Compile().Analyze(ToAddress("eni-a", "172.31.5.5", 443));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("BAD_STATE", "pcx-x"), (explanation.Code, explanation.Component!.Id));
    }

    [Fact]
    public void A_route_to_a_target_the_evaluator_does_not_model_is_UNSUPPORTED_COMPONENT()
    {
        var network = OneVpc().Route(MainTable("vpc-a"), "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1").Compile();

        var analysis = network.Analyze(ToAddress("eni-a", "8.8.8.8", 443));

        var explanation = analysis.Single("UNSUPPORTED_COMPONENT");
        Assert.Equal(MainTable("vpc-a"), explanation.Component!.Id);
        Assert.False(analysis.NetworkPathFound);
    }

    [Fact]
    public void No_route_to_an_external_address_is_NO_ROUTE_TO_DESTINATION()
    {
        var analysis = OneVpc().Compile().Analyze(ToAddress("eni-a", "8.8.8.8", 443));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("NO_ROUTE_TO_DESTINATION", "8.8.8.8"), (explanation.Code, explanation.Address));
        Assert.True(analysis.ReturnPathFound);
    }

    [Fact]
    public void Different_VPCs_without_peering_are_DISCONNECTED_VPCS()
    {
        var network = OneVpc().Vpc("vpc-z", "10.9.0.0/16").Subnet("subnet-z", "vpc-z", "10.9.1.0/24").Eni("eni-z", "subnet-z", "10.9.1.10", []).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-z", 22));

        Assert.Equal(["DISCONNECTED_VPCS"], analysis.Codes());
        Assert.Empty(analysis.ForwardPath);
    }

    [Fact]
    public void A_route_that_sends_a_VPC_address_to_the_internet_is_not_followed_back_in()
    {
        var network = OneVpc()
            .InternetGateway("igw-a", "vpc-a")
            .Route(MainTable("vpc-a"), "2600:1f18:a:2::/64", RouteTargetKind.InternetGateway, "igw-a")
            .Rules("sg-server", g => g.Ingress(6, 22, 22, "2600:1f18:a::/56"))
            .Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-b", 22) with { Ipv6 = true });

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("IGW_NAT_REFLECTION", "igw-a", "forward"), (explanation.Code, explanation.Component!.Id, explanation.Path));
        Assert.True(analysis.ReturnPathFound);
    }

    [Fact]
    public void An_explicitly_associated_table_replaces_the_main_table()
    {
        var network = OneVpc()
            .InternetGateway("igw-a", "vpc-a")
            .RouteTable("rtb-public", "vpc-a", "subnet-a1")
            .Route("rtb-public", "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a")
            .Compile();

        var fromA1 = network.Analyze(ToAddress("eni-a", "8.8.8.8", 443));
        var fromA2 = network.Analyze(ToAddress("eni-b", "8.8.8.8", 443));

        Assert.Equal(["IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"], fromA1.Codes());
        Assert.Equal("rtb-public", fromA1.ForwardPath[3].Component.Id);
        Assert.Equal(["NO_ROUTE_TO_DESTINATION"], fromA2.Codes());
    }

    [Fact]
    public void Protocol_all_through_peering_passes_with_all_traffic_rules()
    {
        var network = Peered().Rules("sg-db", g => g.Ingress(-1, null, null, "10.0.0.0/16")).Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-p", null) with { Protocol = -1 });

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("all", analysis.ForwardPath[^2].SecurityGroupRule!.Protocol);
        Assert.Equal(ClientProfile.Linux.EphemeralPorts(), analysis.SourcePorts);
    }
}

using System.Net;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.NetworkBuilder;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class InternetAnalysisTests
{
    [Fact]
    public void The_internet_reaches_an_interface_with_a_public_IP_through_the_gateway_and_back()
    {
        var analysis = Public().Compile().Analyze(FromInternet("eni-web", 443));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal(["internet-gateway", "network-acl", "security-group", "network-interface"], analysis.ForwardPath.Types());
        Assert.Equal(["network-interface", "security-group", "network-acl", "route-table", "internet-gateway"], analysis.ReturnPath.Types());
        Assert.Equal("0.0.0.0/0", analysis.ForwardPath[2].SecurityGroupRule!.Cidr);
        Assert.Equal("igw-a", analysis.ReturnPath[3].RouteTableRoute!.TargetId);
        Assert.Equal(["0.0.0.0/0"], analysis.ForwardPath[0].OutboundHeader!.SourceAddresses);
    }

    [Fact]
    public void Internet_ingress_to_an_interface_without_a_public_IP_is_IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS()
    {
        var analysis = Public().Compile().Analyze(FromInternet("eni-priv", 443));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", "igw-a", "forward"), (explanation.Code, explanation.Component!.Id, explanation.Path));
        Assert.True(analysis.ReturnPathFound);
    }

    [Fact]
    public void IPv6_ingress_needs_no_public_IP()
    {
        var analysis = Public().Compile().Analyze(FromInternet("eni-web", 443) with { Ipv6 = true });

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal(["::/0"], analysis.ForwardPath[0].OutboundHeader!.SourceAddresses);
        Assert.Equal("::/0", analysis.ForwardPath[2].SecurityGroupRule!.Cidr);
    }

    [Theory]
    [InlineData("10.20.0.1", "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS")]
    [InlineData("192.168.3.4", "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS")]
    [InlineData("100.64.0.1", "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS")]
    public void The_gateway_drops_inbound_traffic_from_non_public_sources(string source, string code)
    {
        var analysis = Public().Compile().Analyze(FromInternet("eni-web", 443) with { Source = new Endpoint.Address(IPAddress.Parse(source)) });

        Assert.Equal([code], analysis.Codes());
    }

    [Fact]
    public void A_rule_for_part_of_the_internet_admits_a_host_inside_it_but_not_the_unspecified_internet_host()
    {
        var network = Public().Group("sg-partner", "vpc-a", g => g.Ingress(6, 443, 443, "203.0.113.0/24")).Eni("eni-p", "subnet-pub", "10.0.1.40", ["sg-partner"], publicIp: "54.0.0.40").Compile();

        var anyone = network.Analyze(FromInternet("eni-p", 443));
        var partner = network.Analyze(FromInternet("eni-p", 443) with { SourceAddress = IPAddress.Parse("203.0.113.9") });

        Assert.Equal(["ENI_SG_RULES_MISMATCH"], anyone.Codes());
        Assert.True(partner.NetworkPathFound);
        Assert.Equal(["203.0.113.9/32"], partner.ForwardPath[0].OutboundHeader!.SourceAddresses);
    }

    [Fact]
    public void A_VPC_without_an_internet_gateway_cannot_be_reached_from_the_internet()
    {
        var analysis = OneVpc().Compile().Analyze(FromInternet("eni-b", 22));

        Assert.Equal(["NO_PATH"], analysis.Codes());
    }

    [Fact]
    public void A_named_gateway_must_be_attached_to_the_destinations_VPC()
    {
        var network = Public().Vpc("vpc-z", "10.9.0.0/16").InternetGateway("igw-z", "vpc-z").InternetGateway("igw-loose", null).Compile();

        Assert.Equal(["DISCONNECTED_VPCS"], network.Analyze(FromInternet("eni-web", 443) with { Source = new Endpoint.Internet("igw-z") }).Codes());
        Assert.Equal(["NO_PATH"], network.Analyze(FromInternet("eni-web", 443) with { Source = new Endpoint.Internet("igw-loose") }).Codes());
        Assert.Equal(["NO_SOURCE_OR_DESTINATION"], network.Analyze(FromInternet("eni-web", 443) with { Source = new Endpoint.Internet("igw-nope") }).Codes());
        Assert.True(network.Analyze(FromInternet("eni-web", 443) with { Source = new Endpoint.Resource("igw-a") }).NetworkPathFound);
    }

    [Fact]
    public void Egress_to_the_internet_needs_a_public_IP_on_the_source()
    {
        var network = Public().Compile();

        var withIp = network.Analyze(ToAddress("eni-web", "8.8.8.8", 443));
        var withoutIp = network.Analyze(ToAddress("eni-priv", "8.8.8.8", 443));

        Assert.True(withIp.NetworkPathFound);
        Assert.Equal(["network-interface", "security-group", "network-acl", "route-table", "internet-gateway"], withIp.ForwardPath.Types());
        Assert.Equal(["internet-gateway", "network-acl", "security-group", "network-interface"], withIp.ReturnPath.Types());
        var explanation = Assert.Single(withoutIp.Explanations);
        Assert.Equal(("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", "igw-a"), (explanation.Code, explanation.Component!.Id));
    }

    [Theory]
    [InlineData("192.168.1.1", "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS")]
    [InlineData("172.16.9.9", "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS")]
    [InlineData("100.127.0.1", "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS")]
    public void The_gateway_drops_outbound_traffic_to_non_public_destinations(string destination, string code)
    {
        var analysis = Public().Compile().Analyze(ToAddress("eni-web", destination, 443));

        Assert.Equal([code], analysis.Codes());
    }

    [Fact]
    public void A_public_IP_of_the_view_as_destination_is_an_external_host()
    {
        var network = Public().Compile();

        var analysis = network.Analyze(ToAddress("eni-priv", "54.0.0.10", 443));
        var bothOutside = network.Analyze(FromInternet("eni-web", 443) with { Destination = new Endpoint.Address(IPAddress.Parse("54.0.0.10")) });

        Assert.Equal(["IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS"], analysis.Codes());
        Assert.Null(analysis.DestinationInterfaceId);
        Assert.Equal(["NO_PATH"], bothOutside.Codes());
    }

    [Fact]
    public void The_reply_to_internet_ingress_must_leave_through_the_same_gateway()
    {
        var network = Public()
            .ReplaceRoutes(MainTable("vpc-a"),
                new RouteView(C("10.0.0.0/16"), null, RouteTargetKind.Local, "local", RouteState.Active),
                new RouteView(C("0.0.0.0/0"), null, RouteTargetKind.NatGateway, "nat-1", RouteState.Active))
            .Compile();

        var analysis = network.Analyze(FromInternet("eni-web", 443));

        Assert.True(analysis.ForwardPathFound);
        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("NO_ROUTE_TO_DESTINATION", "return", "nat-1"), (explanation.Code, explanation.Path, explanation.RouteTableRoute!.TargetId));
    }

    [Fact]
    public void An_egress_only_gateway_carries_IPv6_out_and_never_in()
    {
        var network = OneVpc()
            .InternetGateway("eigw-a", "vpc-a", GatewayKind.EgressOnlyInternetGateway)
            .Route(MainTable("vpc-a"), "::/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-a")
            .Compile();
        var outbound = new ReachabilityQuery { Source = new Endpoint.Interface("eni-a"), Destination = new Endpoint.Internet(), Protocol = 6, DestinationPort = 443, Ipv6 = true };

        var egress = network.Analyze(outbound);
        var ingress = network.Analyze(FromInternet("eni-a", 443) with { Ipv6 = true, Source = new Endpoint.Internet("eigw-a") });

        Assert.True(egress.NetworkPathFound);
        Assert.Equal("egress-only-internet-gateway", egress.ForwardPath[^1].Component.Type);
        Assert.Equal(["NO_PATH"], ingress.Codes());
    }

    [Fact]
    public void Egress_to_the_unspecified_internet_host_uses_only_routes_that_cover_every_public_address()
    {
        var network = Public()
            .ReplaceRoutes(MainTable("vpc-a"),
                new RouteView(C("10.0.0.0/16"), null, RouteTargetKind.Local, "local", RouteState.Active),
                new RouteView(C("8.0.0.0/8"), null, RouteTargetKind.InternetGateway, "igw-a", RouteState.Active))
            .Compile();
        var toInternet = new ReachabilityQuery { Source = new Endpoint.Interface("eni-web"), Destination = new Endpoint.Internet(), Protocol = 6, DestinationPort = 443 };

        Assert.Equal(["NO_ROUTE_TO_DESTINATION"], network.Analyze(toInternet).Codes());
        Assert.True(network.Analyze(ToAddress("eni-web", "8.8.8.8", 443)).NetworkPathFound);
    }
}

using System.Net;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.NetworkBuilder;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class ManyPairAnswerTests
{
    [Fact]
    public void WhoCanReach_lists_each_source_with_the_rules_that_let_it()
    {
        var answer = OneVpc().Compile().WhoCanReach(new Endpoint.Interface("eni-b"), 6, 22);

        Assert.Equal(["eni-a", "eni-b", "eni-c"], answer.Interfaces.Select(i => i.NetworkInterfaceId));
        var fromA = answer.Interfaces[0];
        Assert.Equal(("10.0.1.10", "eni-b"), (fromA.Address, fromA.DestinationInterfaceId));
        Assert.Equal([new PortSpan(22, 22)], fromA.Ports);
        Assert.Equal("sgr-sg-client-1", fromA.Rules.SourceSecurityGroupRule!.RuleId);
        Assert.Equal("sgr-sg-server-3", fromA.Rules.DestinationSecurityGroupRule!.RuleId);
        Assert.Equal((100, 100, 100, 100), (fromA.Rules.SourceAclEgress!.RuleNumber, fromA.Rules.DestinationAclIngress!.RuleNumber,
            fromA.Rules.DestinationAclEgress!.RuleNumber, fromA.Rules.SourceAclIngress!.RuleNumber));
        Assert.Equal(("local", "local"), (fromA.Rules.Route!.TargetId, fromA.Rules.ReturnRoute!.TargetId));
        Assert.Equal(["eni-b"], answer.TargetInterfaceIds);
        Assert.Equal(["NO_PATH"], answer.Internet!.Codes());
        Assert.Empty(answer.ExternalSources);
    }

    [Fact]
    public void Inside_one_subnet_the_rules_have_no_ACL_entries()
    {
        var answer = OneVpc().Compile().WhoCanReach(new Endpoint.Interface("eni-c"), 6, 22);

        var fromA = answer.Interfaces.Single(i => i.NetworkInterfaceId == "eni-a");
        Assert.Null(fromA.Rules.SourceAclEgress);
        Assert.Null(fromA.Rules.DestinationAclEgress);
        Assert.NotNull(fromA.Rules.DestinationSecurityGroupRule);
    }

    [Fact]
    public void WhoCanReach_names_the_address_blocks_outside_the_view_and_what_the_ACL_does_with_them()
    {
        var network = Public()
            .Rules("sg-web", g => g.Ingress(6, 443, 443, "pl-partners").Ingress(6, 443, 443, "10.0.0.0/16"))
            .PrefixList("pl-partners", "198.51.100.0/24", "10.0.5.0/24")
            .Acl("acl-pub", "vpc-a", ["subnet-pub"],
                new NetworkAclEntryView(50, false, 6, false, C("198.51.100.0/24"), new PortSpan(443, 443)),
                new NetworkAclEntryView(100, false, -1, true, C("0.0.0.0/0")),
                new NetworkAclEntryView(100, true, -1, true, C("0.0.0.0/0")))
            .Compile();

        var answer = network.WhoCanReach(new Endpoint.Interface("eni-web"), 6, 443);

        var sources = answer.ExternalSources.ToDictionary(s => s.Cidr);
        Assert.Equal(["0.0.0.0/0", "198.51.100.0/24"], sources.Keys.Order());
        Assert.True(sources["0.0.0.0/0"].Admitted);
        Assert.Equal((100, 100), (sources["0.0.0.0/0"].AclIngress!.RuleNumber, sources["0.0.0.0/0"].AclEgress!.RuleNumber));
        Assert.Equal(("pl-partners", false, 50), (sources["198.51.100.0/24"].PrefixListId, sources["198.51.100.0/24"].Admitted, sources["198.51.100.0/24"].AclIngress!.RuleNumber));
        Assert.True(answer.Internet!.NetworkPathFound);
    }

    [Fact]
    public void WhoCanReach_an_unknown_target_says_why()
    {
        var answer = OneVpc().Compile().WhoCanReach(new Endpoint.Interface("eni-nope"), 6, 22);

        Assert.Equal("NO_SOURCE_OR_DESTINATION", answer.Unresolved!.Code);
        Assert.Empty(answer.Interfaces);
    }

    [Fact]
    public void A_matrix_row_per_source_with_the_first_blocking_code_and_unknown_ids_unresolved()
    {
        var matrix = OneVpc().Compile().Matrix(["eni-a", "eni-b", "eni-nope"], 6, 22);

        Assert.Equal([true, true, false], matrix.Rows[0].Reachable);
        Assert.Equal([null, null, "NO_SOURCE_OR_DESTINATION"], matrix.Rows[0].BlockingCodes);
        Assert.Equal([false, true, false], matrix.Rows[1].Reachable);
        Assert.Equal("SG_HAS_NO_RULES", matrix.Rows[1].BlockingCodes[0]);
        Assert.Equal(3, matrix.ReachablePairs);
    }

    [Fact]
    public void A_matrix_of_a_VPC_covers_its_interfaces_in_id_order()
    {
        var matrix = OneVpc().Compile().Matrix("vpc-a", 6, 22);

        Assert.Equal(["eni-a", "eni-b", "eni-c"], matrix.InterfaceIds);
        // The diagonal, and every pair into the server group's interfaces (eni-b, eni-c); eni-a admits nothing.
        Assert.Equal(3 + 4, matrix.ReachablePairs);
    }

    [Fact]
    public void The_internet_exposure_report_gives_ports_rules_route_and_gateway()
    {
        var report = Public().Compile().InternetExposure();

        var web = Assert.Single(report.Interfaces);
        Assert.Equal(("eni-web", "54.0.0.10", "igw-a"), (web.NetworkInterfaceId, web.PublicIp, web.InternetGatewayId));
        var tcp = Assert.Single(web.Protocols);
        Assert.Equal(("tcp", new PortSpan(443, 443)), (tcp.Protocol, Assert.Single(tcp.Ports)));
        Assert.Equal("0.0.0.0/0", Assert.Single(tcp.SecurityGroupRules).Cidr);
        Assert.Equal(100, Assert.Single(tcp.AclIngress).RuleNumber);
        Assert.Equal((100, "igw-a"), (tcp.AclEgress!.RuleNumber, tcp.ReturnRoute!.TargetId));
        Assert.Equal("0.0.0.0/0", report.Source);
    }

    [Fact]
    public void The_internet_exposure_report_can_ask_about_one_internet_host()
    {
        var network = Public().Group("sg-partner", "vpc-a", g => g.Ingress(6, 8443, 8443, "203.0.113.0/24")).Eni("eni-p", "subnet-pub", "10.0.1.40", ["sg-partner"], publicIp: "54.0.0.40").Compile();

        var anyone = network.InternetExposure();
        var partner = network.InternetExposure(source: IPAddress.Parse("203.0.113.9"));

        Assert.DoesNotContain(anyone.Interfaces, i => i.NetworkInterfaceId == "eni-p");
        Assert.Contains(partner.Interfaces, i => i.NetworkInterfaceId == "eni-p");
    }
}

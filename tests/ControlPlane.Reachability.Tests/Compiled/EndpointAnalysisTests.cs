using System.Net;
using ControlPlane.Reachability.Queries;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

public sealed class EndpointAnalysisTests
{
    [Fact]
    public void An_unknown_interface_is_NO_SOURCE_OR_DESTINATION_naming_what_was_given()
    {
        var analysis = OneVpc().Compile().Analyze(Tcp("eni-nope", "eni-b", 22));

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("NO_SOURCE_OR_DESTINATION", "unknown", "eni-nope"), (explanation.Code, explanation.Component!.Type, explanation.Component.Id));
        Assert.False(analysis.ForwardPathFound || analysis.ReturnPathFound);
    }

    [Fact]
    public void An_interface_without_an_address_of_the_family_is_UNASSOCIATED_COMPONENT()
    {
        var analysis = OneVpc().Compile().Analyze(Tcp("eni-a", "eni-c", 22) with { Ipv6 = true });

        var explanation = Assert.Single(analysis.Explanations);
        Assert.Equal(("UNASSOCIATED_COMPONENT", "eni-c"), (explanation.Code, explanation.Component!.Id));
    }

    [Fact]
    public void An_address_inside_a_VPC_that_no_interface_holds_is_unknown()
    {
        var network = OneVpc().Compile();

        var asDestination = network.Analyze(ToAddress("eni-a", "10.0.2.200", 22));
        var asSource = network.Analyze(ToAddress("eni-a", "10.0.2.200", 22) with { Source = new Endpoint.Address(IPAddress.Parse("10.0.2.200")), Destination = new Endpoint.Interface("eni-b") });

        Assert.Equal(["UNKNOWN_DESTINATION"], asDestination.Codes());
        Assert.Equal("10.0.2.200", asDestination.Explanations[0].Address);
        Assert.Equal(["NO_SOURCE_OR_DESTINATION"], asSource.Codes());
    }

    [Fact]
    public void A_private_address_is_its_interface_with_that_address()
    {
        var analysis = OneVpc().Compile().Analyze(ToAddress("eni-a", "10.0.2.20", 22));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("eni-b", analysis.DestinationInterfaceId);
    }

    [Fact]
    public void The_same_interface_at_both_ends_is_found_without_filters()
    {
        var analysis = OneVpc().Compile().Analyze(Tcp("eni-b", "eni-b", 9999));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal(["network-interface"], analysis.ForwardPath.Types());
        Assert.Single(analysis.Notes);
    }

    [Fact]
    public void A_resource_is_analysed_over_its_interfaces_and_the_first_pair_with_a_path_answers()
    {
        var network = OneVpc()
            .Owner("i-web", name: "web")
            .Group("sg-closed", "vpc-a")
            .Eni("eni-w1", "subnet-a2", "10.0.2.101", ["sg-closed"], owner: "i-web")
            .Eni("eni-w2", "subnet-a2", "10.0.2.102", ["sg-server"], owner: "i-web")
            .Compile();

        var byId = network.Analyze(Tcp("eni-a", "eni-b", 22) with { Destination = new Endpoint.Resource("i-web") });
        var byName = network.Analyze(Tcp("eni-a", "eni-b", 22) with { Destination = new Endpoint.Resource("web") });
        var byArn = network.Analyze(Tcp("eni-a", "eni-b", 22) with { Destination = new Endpoint.Resource("arn:aws:ec2:us-east-1:123456789012:instance/i-web") });
        var blocked = network.Analyze(Tcp("eni-a", "eni-b", 80) with { Destination = new Endpoint.Resource("i-web") });

        Assert.All([byId, byName, byArn], a => Assert.Equal(("eni-w2", true), (a.DestinationInterfaceId, a.NetworkPathFound)));
        Assert.Equal("instance", byId.ForwardPath[^1].AttachedTo!.Type);
        Assert.Equal(("eni-w1", "SG_HAS_NO_RULES"), (blocked.DestinationInterfaceId, blocked.Explanations[0].Code));
        Assert.Equal(["NO_SOURCE_OR_DESTINATION"], network.Analyze(Tcp("eni-a", "eni-b", 22) with { Destination = new Endpoint.Resource("i-nothing") }).Codes());
    }

    [Fact]
    public void A_pinned_address_that_is_not_the_interfaces_own_is_refused_by_the_source_destination_check()
    {
        var network = OneVpc().Eni("eni-appliance", "subnet-a1", "10.0.1.60", ["sg-client"], sourceDestCheck: false).Compile();
        var spoofed = Tcp("eni-a", "eni-b", 22) with { SourceAddress = IPAddress.Parse("10.0.1.77") };

        var checkOn = network.Analyze(spoofed);
        var checkOff = network.Analyze(spoofed with { Source = new Endpoint.Interface("eni-appliance") });
        var atDestination = network.Analyze(Tcp("eni-a", "eni-b", 22) with { DestinationAddress = IPAddress.Parse("10.0.2.77") });

        var explanation = Assert.Single(checkOn.Explanations);
        Assert.Equal(("ENI_SOURCE_DEST_CHECK_RESTRICTION", "egress", "eni-a"), (explanation.Code, explanation.Direction, explanation.Component!.Id));
        Assert.True(checkOff.NetworkPathFound);
        Assert.Equal(("ENI_SOURCE_DEST_CHECK_RESTRICTION", "ingress"), (atDestination.Explanations[0].Code, atDestination.Explanations[0].Direction));
    }

    [Fact]
    public void A_detached_interface_is_BAD_STATE_on_both_paths()
    {
        var network = OneVpc().Eni("eni-loose", "subnet-a2", "10.0.2.110", ["sg-server"], status: "available").Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-loose", 22));

        Assert.Equal(["BAD_STATE", "BAD_STATE"], analysis.Codes());
        Assert.Equal(["forward", "return"], analysis.Explanations.Select(e => e.Path));
        Assert.All(analysis.Explanations, e => Assert.Equal("eni-loose", e.Component!.Id));
    }

    [Fact]
    public void An_interface_of_a_stopped_instance_is_evaluated_as_configured()
    {
        var network = OneVpc().Owner("i-off", state: "stopped").Eni("eni-off", "subnet-a2", "10.0.2.120", ["sg-server"], owner: "i-off").Compile();

        var analysis = network.Analyze(Tcp("eni-a", "eni-off", 22));

        Assert.True(analysis.NetworkPathFound);
        Assert.Contains(analysis.Notes, n => n.Contains("stopped", StringComparison.Ordinal));
    }

    [Fact]
    public void An_address_of_the_other_family_than_the_query_is_NO_PATH()
    {
        var analysis = OneVpc().Compile().Analyze(ToAddress("eni-a", "2600:1f18:a:2::20", 22));

        Assert.Equal(["NO_PATH"], analysis.Codes());
    }
}

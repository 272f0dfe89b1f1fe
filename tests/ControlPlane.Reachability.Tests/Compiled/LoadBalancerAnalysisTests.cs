using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.Networks;

namespace ControlPlane.Reachability.Tests.Compiled;

/// <summary>README §8: a path to a load balancer continues through the listener on its port to a registered target.</summary>
public sealed class LoadBalancerAnalysisTests
{
    private const string Alb = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/0123456789abcdef";
    private const string Listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/1111111111111111";
    private const string TargetGroup = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/2222222222222222";

    /// <summary>An internet-facing ALB (443 from anywhere) forwarding to i-app on 8080, which admits 8080 from the ALB's group only.</summary>
    private static NetworkBuilder Balanced(bool appAdmitsAlb = true, bool forwards = true, bool registered = true) => Public()
        .Group("sg-alb", "vpc-a", g => g.AllEgress().Ingress(6, 443, 443, "0.0.0.0/0"))
        .Group("sg-app", "vpc-a", g =>
        {
            g.AllEgress().Ingress(6, 22, 22, "10.9.0.0/16");
            if (appAdmitsAlb) g.Ingress(6, 8080, 8080, "sg-alb");
        })
        .Eni("eni-alb", "subnet-pub", "10.0.1.50", ["sg-alb"], publicIp: "54.0.0.50", owner: Alb)
        .Eni("eni-app", "subnet-pub", "10.0.1.60", ["sg-app"], owner: "i-app")
        .Owner(Alb, "load-balancer", "active", "web")
        .Owner("i-app")
        .LoadBalancer(Alb, new ListenerView(Listener, 443, "HTTPS", forwards, registered ? [new LoadBalancerTargetView(TargetGroup, "i-app", 8080)] : []));

    private static ReachabilityQuery InternetTo(string destination, int port) => new()
    {
        Source = new Endpoint.Internet(),
        Destination = new Endpoint.Resource(destination),
        Protocol = 6,
        DestinationPort = port,
    };

    [Fact]
    public void The_internet_reaches_the_target_through_the_listener_and_its_target_group()
    {
        var analysis = Balanced().Compile().Analyze(InternetTo("web", 443));

        Assert.True(analysis.NetworkPathFound, string.Join("; ", analysis.Codes()));
        Assert.Equal("eni-app", analysis.DestinationInterfaceId);
        var ids = analysis.ForwardPath.Select(c => c.Component.Id).ToList();
        Assert.True(ids.IndexOf("eni-alb") < ids.IndexOf(Listener) && ids.IndexOf(Listener) < ids.IndexOf(TargetGroup) && ids.IndexOf(TargetGroup) < ids.IndexOf("eni-app"),
            string.Join(" → ", ids));
        Assert.Equal(Enumerable.Range(1, analysis.ForwardPath.Count), analysis.ForwardPath.Select(c => c.SequenceNumber));
        var admitted = analysis.ForwardPath.Last(c => c.SecurityGroupRule is not null).SecurityGroupRule!;
        Assert.Equal(("sg-app", "sg-alb"), (admitted.SecurityGroupId, admitted.ReferencedGroupId));
    }

    [Fact]
    public void A_port_without_a_listener_is_ELB_LISTENERS_MISMATCH()
    {
        var analysis = Balanced().Compile().Analyze(InternetTo(Alb, 80));

        Assert.False(analysis.NetworkPathFound);
        Assert.Contains("ELB_LISTENERS_MISMATCH", analysis.Codes());
    }

    [Fact]
    public void A_target_whose_groups_refuse_the_load_balancer_is_blocked_there_with_the_group_named()
    {
        var analysis = Balanced(appAdmitsAlb: false).Compile().Analyze(InternetTo("web", 443));

        Assert.False(analysis.ForwardPathFound);
        var blocked = Assert.Single(analysis.Explanations);
        Assert.Equal(("ENI_SG_RULES_MISMATCH", "eni-app"), (blocked.Code, blocked.NetworkInterface!.Id));
        Assert.Equal(["sg-app"], blocked.SecurityGroups.Select(g => g.Id));
    }

    [Fact]
    public void A_listener_forwarding_to_no_target_group_is_ELBV2_LISTENER_HAS_NO_TG()
    {
        var analysis = Balanced(forwards: false).Compile().Analyze(InternetTo("web", 443));

        Assert.Equal(["ELBV2_LISTENER_HAS_NO_TG"], analysis.Codes());
    }

    [Fact]
    public void A_target_group_without_targets_finds_no_path()
    {
        var analysis = Balanced(registered: false).Compile().Analyze(InternetTo("web", 443));

        Assert.Equal(["NO_PATH"], analysis.Codes());
    }

    [Fact]
    public void Naming_the_load_balancer_interface_itself_stops_at_the_load_balancer()
    {
        var analysis = Balanced(appAdmitsAlb: false).Compile().Analyze(FromInternet("eni-alb", 443));

        Assert.True(analysis.NetworkPathFound);
        Assert.Equal("eni-alb", analysis.DestinationInterfaceId);
    }
}

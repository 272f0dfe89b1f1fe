using System.Net;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;

namespace ControlPlane.Reachability.Tests.Compiled;

/// <summary>The networks and queries the compiled-evaluator tests share.</summary>
internal static class Networks
{
    /// <summary>
    /// One VPC (10.0.0.0/16, 2600:1f18:a::/56) with two subnets and the default ACL; eni-a (client, subnet a1) and
    /// eni-c (server, subnet a1) share a subnet, eni-b (server, subnet a2) is in the other. The server group admits
    /// TCP 22 from the VPC; both groups allow all egress.
    /// </summary>
    public static NetworkBuilder OneVpc() => new NetworkBuilder()
        .Vpc("vpc-a", "10.0.0.0/16", "2600:1f18:a::/56")
        .Subnet("subnet-a1", "vpc-a", "10.0.1.0/24", "2600:1f18:a:1::/64")
        .Subnet("subnet-a2", "vpc-a", "10.0.2.0/24", "2600:1f18:a:2::/64")
        .Group("sg-client", "vpc-a", g => g.AllEgress())
        .Group("sg-server", "vpc-a", g => g.AllEgress().Ingress(6, 22, 22, "10.0.0.0/16"))
        .Eni("eni-a", "subnet-a1", "10.0.1.10", ["sg-client"], ipv6: ["2600:1f18:a:1::10"])
        .Eni("eni-b", "subnet-a2", "10.0.2.20", ["sg-server"], ipv6: ["2600:1f18:a:2::20"])
        .Eni("eni-c", "subnet-a1", "10.0.1.30", ["sg-server"]);

    /// <summary>
    /// Two VPCs joined by pcx-ab (both route tables route the other's CIDR through it): eni-a in vpc-a (10.0.0.0/16)
    /// carries sg-app; eni-p in vpc-p (10.1.0.0/16) admits TCP 5432 from sg-app, a group of the peer VPC.
    /// </summary>
    public static NetworkBuilder Peered(string status = "active") => new NetworkBuilder()
        .Vpc("vpc-a", "10.0.0.0/16")
        .Vpc("vpc-p", "10.1.0.0/16")
        .Subnet("subnet-a1", "vpc-a", "10.0.1.0/24")
        .Subnet("subnet-p1", "vpc-p", "10.1.1.0/24")
        .Group("sg-app", "vpc-a", g => g.AllEgress())
        .Group("sg-db", "vpc-p", g => g.AllEgress().Ingress(6, 5432, 5432, "sg-app"))
        .Eni("eni-a", "subnet-a1", "10.0.1.10", ["sg-app"])
        .Eni("eni-p", "subnet-p1", "10.1.1.10", ["sg-db"])
        .Peering("pcx-ab", "vpc-a", "vpc-p", status)
        .Route(NetworkBuilder.MainTable("vpc-a"), "10.1.0.0/16", View.RouteTargetKind.VpcPeeringConnection, "pcx-ab")
        .Route(NetworkBuilder.MainTable("vpc-p"), "10.0.0.0/16", View.RouteTargetKind.VpcPeeringConnection, "pcx-ab");

    /// <summary>
    /// A public subnet (0.0.0.0/0 and ::/0 → igw-a): eni-web (public IP 54.0.0.10) admits TCP 443 from anywhere, eni-priv
    /// (no public IP) the same; both allow all egress.
    /// </summary>
    public static NetworkBuilder Public() => new NetworkBuilder()
        .Vpc("vpc-a", "10.0.0.0/16", "2600:1f18:a::/56")
        .Subnet("subnet-pub", "vpc-a", "10.0.1.0/24", "2600:1f18:a:1::/64")
        .InternetGateway("igw-a", "vpc-a")
        .Route(NetworkBuilder.MainTable("vpc-a"), "0.0.0.0/0", View.RouteTargetKind.InternetGateway, "igw-a")
        .Route(NetworkBuilder.MainTable("vpc-a"), "::/0", View.RouteTargetKind.InternetGateway, "igw-a")
        .Group("sg-web", "vpc-a", g => g.AllEgress().Ingress(6, 443, 443, "0.0.0.0/0").Ingress(6, 443, 443, "::/0"))
        .Eni("eni-web", "subnet-pub", "10.0.1.10", ["sg-web"], publicIp: "54.0.0.10", ipv6: ["2600:1f18:a:1::10"])
        .Eni("eni-priv", "subnet-pub", "10.0.1.20", ["sg-web"]);

    public static ReachabilityQuery Tcp(string source, string destination, int? port) => new()
    {
        Source = new Endpoint.Interface(source),
        Destination = new Endpoint.Interface(destination),
        Protocol = 6,
        DestinationPort = port,
    };

    public static ReachabilityQuery FromInternet(string destination, int port) => new()
    {
        Source = new Endpoint.Internet(),
        Destination = new Endpoint.Interface(destination),
        Protocol = 6,
        DestinationPort = port,
    };

    public static ReachabilityQuery ToAddress(string source, string address, int port) => new()
    {
        Source = new Endpoint.Interface(source),
        Destination = new Endpoint.Address(IPAddress.Parse(address)),
        Protocol = 6,
        DestinationPort = port,
    };

    public static string[] Codes(this PathAnalysis analysis) => [.. analysis.Explanations.Select(e => e.Code)];

    public static string[] Types(this IEnumerable<PathComponent> path) => [.. path.Select(c => c.Component.Type)];

    public static Explanation Single(this PathAnalysis analysis, string code) => Assert.Single(analysis.Explanations, e => e.Code == code);
}

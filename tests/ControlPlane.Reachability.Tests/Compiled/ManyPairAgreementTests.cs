using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Compiled;

/// <summary>README §6: the many-pair answers are defined by Analyze; on random networks they must agree with it exactly.</summary>
public sealed class ManyPairAgreementTests
{
    public static TheoryData<int, int, int?, bool, bool> Questions()
    {
        var data = new TheoryData<int, int, int?, bool, bool>();
        var shapes = new (int Protocol, int? Port, bool Ipv6, bool RequireAll)[]
        {
            (6, 22, false, true), (6, 443, false, true), (6, null, false, true), (6, 40000, false, false), (17, 53, false, true),
            (-1, null, false, true), (1, null, false, true), (6, 443, true, true), (58, null, true, false),
        };
        for (var seed = 1; seed <= 12; seed++)
        {
            foreach (var (protocol, port, ipv6, requireAll) in shapes) data.Add(seed, protocol, port, ipv6, requireAll);
        }
        return data;
    }

    private static ReachabilityQuery Query(string source, string destination, int protocol, int? port, bool ipv6, bool requireAll) => new()
    {
        Source = new Endpoint.Interface(source),
        Destination = new Endpoint.Interface(destination),
        Protocol = protocol,
        DestinationPort = port,
        Ipv6 = ipv6,
        RequireAllSourcePorts = requireAll,
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Every_cell_of_the_matrix_is_what_Analyze_says(int seed, int protocol, int? port, bool ipv6, bool requireAll)
    {
        var network = RandomNetworks.Build(seed).Compile();
        var ids = network.View.NetworkInterfaces.Select(e => e.Id).Append("eni-missing").ToList();

        var matrix = network.Matrix(ids, protocol, port, new PacketOptions { Ipv6 = ipv6, RequireAllSourcePorts = requireAll });

        for (var i = 0; i < ids.Count; i++)
        {
            for (var j = 0; j < ids.Count; j++)
            {
                var analysis = network.Analyze(Query(ids[i], ids[j], protocol, port, ipv6, requireAll));
                var expected = (analysis.NetworkPathFound, analysis.NetworkPathFound ? null : analysis.Explanations.FirstOrDefault()?.Code);
                Assert.True(expected == (matrix.Rows[i].Reachable[j], matrix.Rows[i].BlockingCodes[j]), $"{ids[i]} → {ids[j]}: Analyze {expected}, matrix ({matrix.Rows[i].Reachable[j]}, {matrix.Rows[i].BlockingCodes[j]})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public void WhoCanReach_lists_exactly_the_interfaces_Analyze_finds_a_path_from_with_the_same_rules(int seed, int protocol, int? port, bool ipv6, bool requireAll)
    {
        var network = RandomNetworks.Build(seed).Compile();
        var options = new PacketOptions { Ipv6 = ipv6, RequireAllSourcePorts = requireAll };
        var ids = network.View.NetworkInterfaces.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();

        foreach (var target in ids)
        {
            var answer = network.WhoCanReach(new Endpoint.Interface(target), protocol, port, options);

            var expected = ids.Select(s => (Source: s, Analysis: network.Analyze(Query(s, target, protocol, port, ipv6, requireAll)))).Where(p => p.Analysis.NetworkPathFound).ToList();
            Assert.Equal(expected.Select(p => p.Source), answer.Interfaces.Select(i => i.NetworkInterfaceId));
            foreach (var (reaching, (_, analysis)) in answer.Interfaces.Zip(expected))
            {
                Assert.Equal(PathRules.From(analysis), reaching.Rules);
                Assert.Equal(analysis.ForwardPath[^1].InboundHeader?.DestinationPorts ?? [], protocol is 6 or 17 ? reaching.Ports : []);
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public void WhoCanReach_an_address_outside_the_view_agrees_with_Analyze(int seed)
    {
        var network = RandomNetworks.Build(seed).Compile();
        var target = new Endpoint.Address(System.Net.IPAddress.Parse("203.0.113.7"));

        var answer = network.WhoCanReach(target, 6, 443);

        var expected = network.View.NetworkInterfaces.Select(e => e.Id).Order(StringComparer.Ordinal)
            .Where(s => network.Analyze(new ReachabilityQuery { Source = new Endpoint.Interface(s), Destination = target, Protocol = 6, DestinationPort = 443 }).NetworkPathFound);
        Assert.Equal(expected, answer.Interfaces.Select(i => i.NetworkInterfaceId));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(5, false)]
    [InlineData(9, true)]
    public void The_internet_exposure_report_lists_what_Analyze_finds_from_the_internet(int seed, bool ipv6)
    {
        var network = RandomNetworks.Build(seed).Compile();

        var report = network.InternetExposure(new PacketOptions { Ipv6 = ipv6 });

        foreach (var eni in network.View.NetworkInterfaces)
        {
            var found = new[] { 6, 17, ipv6 ? 58 : 1, -1 }
                .Where(p => network.Analyze(new ReachabilityQuery { Source = new Endpoint.Internet(), Destination = new Endpoint.Interface(eni.Id), Protocol = p, Ipv6 = ipv6 }).NetworkPathFound)
                .Select(p => p switch { 6 => "tcp", 17 => "udp", 1 => "icmp", 58 => "icmpv6", _ => "all" })
                .ToList();
            var listed = report.Interfaces.SingleOrDefault(i => i.NetworkInterfaceId == eni.Id)?.Protocols.Select(p => p.Protocol).ToList() ?? [];
            Assert.Equal(found, listed);
        }
    }
}

using System.Collections.Concurrent;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.Tests.Reference;
using ControlPlane.Reachability.View;
using Xunit.Abstractions;

namespace ControlPlane.Reachability.Tests.CrossCheck;

/// <summary>
/// README §6: WhoCanReach and Matrix are defined by Analyze. Each is checked against brute force over the reference:
/// every interface of the view analysed towards the target, every ordered pair of the matrix analysed one by one, and the
/// internet exposure's interfaces and port spans by analyses from the internet. Seeds as in <see cref="Seeds"/>.
/// </summary>
public sealed class ManyPairsCrossCheckTests(ITestOutputHelper output)
{
    private const int Networks = 30;

    [Fact]
    public void Who_can_reach_is_every_interface_whose_analysis_finds_the_path()
    {
        var differences = new ConcurrentBag<string>();
        var reaching = 0;
        Parallel.For(0, Networks, n =>
        {
            var seed = Seeds.Base + 4_000_000 + n;
            var view = RandomNetwork.Generate(seed);
            var reference = new ReferenceEvaluator(view);
            var compiled = CompiledNetwork.Compile(view);
            var random = new Random(seed);
            for (var t = 0; t < 3; t++)
            {
                var (protocol, port, options) = Packet(random, view);
                var target = Target(random, view);
                var answer = compiled.WhoCanReach(target, protocol, port, options);
                var expected = view.NetworkInterfaces
                    .Select(e => (e.Id, Analysis: reference.Analyze(Query(new Endpoint.Interface(e.Id), target, protocol, port, options))))
                    .Where(r => r.Analysis.NetworkPathFound)
                    .ToDictionary(r => r.Id, r => r.Analysis.DestinationInterfaceId);
                var actual = answer.Interfaces.ToDictionary(i => i.NetworkInterfaceId, i => i.DestinationInterfaceId);
                Interlocked.Add(ref reaching, expected.Count);
                var context = $"seed {seed} target #{t} {target} protocol {protocol} port {port?.ToString() ?? "any"} {options}";
                if (!expected.OrderBy(p => p.Key).SequenceEqual(actual.OrderBy(p => p.Key)))
                {
                    // What the compiled Analyze says of the interfaces the two lists disagree on.
                    var disputed = expected.Keys.Except(actual.Keys).Union(actual.Keys.Except(expected.Keys))
                        .Select(id => $"{id}: {AnswerDiff.Describe(compiled.Analyze(Query(new Endpoint.Interface(id), target, protocol, port, options)))}");
                    differences.Add($"{context}\n  reference: {string.Join(", ", expected.OrderBy(p => p.Key).Select(p => $"{p.Key}→{p.Value}"))}"
                        + $"\n  compiled:  {string.Join(", ", actual.OrderBy(p => p.Key).Select(p => $"{p.Key}→{p.Value}"))}"
                        + $"\n  compiled Analyze of the disputed ones: {string.Join("; ", disputed)}");
                }
                if (answer.Internet is { } internet)
                {
                    var fromInternet = reference.Analyze(Query(new Endpoint.Internet(), target, protocol, port, options));
                    if (!AnswerDiff.Same(fromInternet, internet))
                        differences.Add($"{context} (internet)\n  reference: {AnswerDiff.Describe(fromInternet)}\n  compiled:  {AnswerDiff.Describe(internet)}");
                }
            }
        });
        output.WriteLine($"{Networks * 3} targets, {reaching} reaching interfaces, {differences.Count} differences");
        Assert.True(differences.IsEmpty, string.Join("\n", differences.Order(StringComparer.Ordinal).Take(5)));
        Assert.True(reaching > 0);
    }

    [Fact]
    public void Matrix_cells_are_the_pairwise_analyses()
    {
        var differences = new ConcurrentBag<string>();
        var reachable = 0;
        Parallel.For(0, Networks, n =>
        {
            var seed = Seeds.Base + 5_000_000 + n;
            var view = RandomNetwork.Generate(seed);
            var reference = new ReferenceEvaluator(view);
            var compiled = CompiledNetwork.Compile(view);
            var random = new Random(seed);
            var (protocol, port, options) = Packet(random, view);
            var vpc = view.Vpcs[random.Next(view.Vpcs.Count)].Id;
            var byVpc = compiled.Matrix(vpc, protocol, port, options);
            var ids = view.NetworkInterfaces.Where(e => e.VpcId == vpc).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
            if (!byVpc.InterfaceIds.SequenceEqual(ids)) differences.Add($"seed {seed}: Matrix({vpc}) lists {string.Join(",", byVpc.InterfaceIds)}, not {string.Join(",", ids)}");
            // A list across VPCs, with an id the view does not hold.
            var listed = view.NetworkInterfaces.Select(e => e.Id).Where(_ => random.NextDouble() < 0.5).Take(7).Append("eni-00000000000000000").ToList();
            foreach (var matrix in new[] { byVpc, compiled.Matrix(listed, protocol, port, options) })
            {
                var cells = 0;
                for (var i = 0; i < matrix.InterfaceIds.Count; i++)
                {
                    var row = matrix.Rows[i];
                    for (var j = 0; j < matrix.InterfaceIds.Count; j++)
                    {
                        var analysis = reference.Analyze(Query(new Endpoint.Interface(matrix.InterfaceIds[i]), new Endpoint.Interface(matrix.InterfaceIds[j]), protocol, port, options));
                        var first = analysis.Explanations.FirstOrDefault()?.Code;
                        if (analysis.NetworkPathFound) cells++;
                        if (row.Reachable[j] != analysis.NetworkPathFound || (!analysis.NetworkPathFound && !analysis.Explanations.Any(e => e.Code == row.BlockingCodes[j])))
                        {
                            differences.Add($"seed {seed} {matrix.InterfaceIds[i]} → {matrix.InterfaceIds[j]} protocol {protocol} port {port?.ToString() ?? "any"} {options}"
                                + $"\n  reference: {AnswerDiff.Describe(analysis)}\n  compiled:  reachable={row.Reachable[j]} first code {row.BlockingCodes[j]}");
                        }
                    }
                }
                if (matrix.ReachablePairs != cells) differences.Add($"seed {seed}: ReachablePairs {matrix.ReachablePairs}, the cells say {cells}");
                Interlocked.Add(ref reachable, cells);
            }
        });
        output.WriteLine($"{Networks * 2} matrices, {reachable} reachable cells, {differences.Count} differences");
        Assert.True(differences.IsEmpty, string.Join("\n", differences.Order(StringComparer.Ordinal).Take(5)));
        Assert.True(reachable > 0);
    }

    [Fact]
    public void Internet_exposure_is_what_the_internet_reaches_by_analysis()
    {
        var differences = new ConcurrentBag<string>();
        var exposed = 0;
        Parallel.For(0, 2 * Networks, n =>
        {
            var seed = Seeds.Base + 6_000_000 + n;
            var view = RandomNetwork.Generate(seed);
            var reference = new ReferenceEvaluator(view);
            var compiled = CompiledNetwork.Compile(view);
            var random = new Random(seed);
            var (_, _, options) = Packet(random, view);
            var host = random.NextDouble() < 0.3 ? System.Net.IPAddress.Parse(options.Ipv6 ? "2001:db8::5" : "203.0.113.5") : null;
            var report = compiled.InternetExposure(options, host);
            var context = $"seed {seed} {options} host {host?.ToString() ?? "any"}";
            PathAnalysisFrom Internet(string eni, int protocol, int? port) =>
                new(reference.Analyze(Query(new Endpoint.Internet(), new Endpoint.Interface(eni), protocol, port, options) with { SourceAddress = host }));
            foreach (var eni in view.NetworkInterfaces)
            {
                var listed = report.Interfaces.FirstOrDefault(i => i.NetworkInterfaceId == eni.Id);
                foreach (var protocol in new[] { 6, 17 })
                {
                    var name = protocol == 6 ? "tcp" : "udp";
                    var reached = Internet(eni.Id, protocol, null).Found;
                    var spans = listed?.Protocols.FirstOrDefault(p => p.Protocol == name)?.Ports ?? [];
                    if (reached != spans.Count > 0)
                    {
                        differences.Add($"{context}: {eni.Id} {name}: Analyze(internet → it, any port) found={reached}, report ports [{string.Join(",", spans)}]");
                        continue;
                    }
                    // The listed spans are exactly the ports Analyze finds: both ends of each span in, the ports around them out.
                    foreach (var span in spans)
                    {
                        foreach (var port in new[] { span.From, span.To })
                        {
                            if (!Internet(eni.Id, protocol, port).Found) differences.Add($"{context}: {eni.Id} {name} port {port} is listed but Analyze does not find it");
                        }
                        foreach (var port in new[] { span.From - 1, span.To + 1 })
                        {
                            if (port is < 0 or > 65535 || spans.Any(s => s.Contains(port))) continue;
                            if (Internet(eni.Id, protocol, port).Found) differences.Add($"{context}: {eni.Id} {name} port {port} is not listed but Analyze finds it");
                        }
                    }
                    if (reached) Interlocked.Increment(ref exposed);
                }
            }
        });
        output.WriteLine($"{2 * Networks} reports, {exposed} exposed (interface, protocol) pairs, {differences.Count} differences");
        Assert.True(differences.IsEmpty, string.Join("\n", differences.Order(StringComparer.Ordinal).Take(8)));
        Assert.True(exposed > 0);
    }

    private sealed record PathAnalysisFrom(Answers.PathAnalysis Analysis)
    {
        public bool Found => Analysis.NetworkPathFound;
    }

    private static (int Protocol, int? Port, PacketOptions Options) Packet(Random random, NetworkView view)
    {
        var ipv6 = view.Vpcs.Any(v => v.CidrBlocks.Any(c => c.IsIpv6)) && random.NextDouble() < 0.25;
        int[] protocols = [6, 6, 6, 17, -1, ipv6 ? 58 : 1];
        var protocol = protocols[random.Next(protocols.Length)];
        int?[] ports = [22, 80, 443, 5432, null];
        var options = new PacketOptions
        {
            Ipv6 = ipv6,
            RequireAllSourcePorts = random.NextDouble() < 0.5,
            ClientProfile = (ClientProfile)random.Next(Enum.GetValues<ClientProfile>().Length),
            SourcePorts = random.NextDouble() < 0.2 ? new PortSpan(50000, 50010) : null,
        };
        return (protocol, ports[random.Next(ports.Length)], options);
    }

    private static Endpoint Target(Random random, NetworkView view)
    {
        var eni = view.NetworkInterfaces[random.Next(view.NetworkInterfaces.Count)];
        return random.Next(4) switch
        {
            0 when eni.OwnerId is not null => new Endpoint.Resource(eni.OwnerId),
            1 when eni.PrivateIpAddresses.Count > 1 => new Endpoint.Address(eni.PrivateIpAddresses[^1].Address),
            _ => new Endpoint.Interface(eni.Id),
        };
    }

    private static ReachabilityQuery Query(Endpoint source, Endpoint destination, int protocol, int? port, PacketOptions options) => new()
    {
        Source = source,
        Destination = destination,
        Protocol = protocol,
        DestinationPort = port,
        Ipv6 = options.Ipv6,
        IcmpType = options.IcmpType,
        IcmpCode = options.IcmpCode,
        SourcePorts = options.SourcePorts,
        ClientProfile = options.ClientProfile,
        RequireAllSourcePorts = options.RequireAllSourcePorts,
    };
}

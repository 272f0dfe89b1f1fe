using BenchmarkDotNet.Attributes;
using ControlPlane.Reachability;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Benchmarks.Reachability;

/// <summary>
/// The compiled evaluator on <see cref="BenchmarkNetwork"/>, against issue 4's targets: compiling the view, one pair
/// query, "who can reach X" and the matrix of 1,000 interfaces, all on TCP 443. "Who can reach X" costs in proportion
/// to how many interfaces can, so it runs on two targets: a typical one (the median of a sample) and a busy one (the
/// 90th percentile). Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
public class ReachabilityBenchmarks
{
    public const int MatrixSize = 1_000;
    public const int Port = 443;

    private NetworkView _view = null!;
    private CompiledNetwork _network = null!;
    private ReachabilityQuery _pair = null!;
    private Endpoint _typical = null!;
    private Endpoint _busy = null!;
    private List<string> _matrix = [];

    [GlobalSetup]
    public void Setup()
    {
        _view = BenchmarkNetwork.View;
        _network = CompiledNetwork.Compile(_view);
        var targets = Targets.Of(_network);
        _typical = new Endpoint.Interface(targets.Typical.Id);
        _busy = new Endpoint.Interface(targets.Busy.Id);
        _pair = PairQuery(_network, targets.Typical.Id);
        _matrix = MatrixInterfaces(_view);
    }

    /// <summary>The first 1,000 interfaces (by id) of the first VPC: 20 subnets under 3 ACLs, public and private.</summary>
    public static List<string> MatrixInterfaces(NetworkView view) =>
        [.. view.NetworkInterfaces.Where(e => e.VpcId == view.Vpcs[0].Id).Select(e => e.Id).Order(StringComparer.Ordinal).Take(MatrixSize)];

    /// <summary>A pair with a path across subnets: the first source in another subnet that reaches the target.</summary>
    public static ReachabilityQuery PairQuery(CompiledNetwork network, string target)
    {
        var subnets = network.View.NetworkInterfaces.ToDictionary(e => e.Id, e => e.SubnetId);
        var source = network.WhoCanReach(new Endpoint.Interface(target), 6, Port).Interfaces
            .First(i => subnets[i.NetworkInterfaceId] != subnets[target]);
        return new ReachabilityQuery
        {
            Source = new Endpoint.Interface(source.NetworkInterfaceId),
            Destination = new Endpoint.Interface(target),
            Protocol = 6,
            DestinationPort = Port,
        };
    }

    [Benchmark]
    public CompiledNetwork Compile() => CompiledNetwork.Compile(_view);

    [Benchmark]
    public PathAnalysis OnePair() => _network.Analyze(_pair);

    [Benchmark]
    public WhoCanReachAnswer WhoCanReachTypical() => _network.WhoCanReach(_typical, 6, Port);

    [Benchmark]
    public WhoCanReachAnswer WhoCanReachBusy() => _network.WhoCanReach(_busy, 6, Port);

    [Benchmark]
    public ReachabilityMatrix Matrix() => _network.Matrix(_matrix, 6, Port);
}

/// <summary>The "who can reach X" targets: every 25th interface is asked; the median and the 90th percentile by how many interfaces reach it.</summary>
public sealed record Targets((string Id, int Reaching) Typical, (string Id, int Reaching) Busy)
{
    public static Targets Of(CompiledNetwork network)
    {
        var sample = network.View.NetworkInterfaces
            .Where((_, i) => i % 25 == 0)
            .Select(e => (e.Id, Reaching: network.WhoCanReach(new Endpoint.Interface(e.Id), 6, ReachabilityBenchmarks.Port).Interfaces.Count))
            .OrderBy(t => t.Reaching)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return new Targets(sample[sample.Count / 2], sample[sample.Count * 9 / 10]);
    }
}

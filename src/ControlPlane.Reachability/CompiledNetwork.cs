using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability;

/// <summary>
/// The reachability evaluator: a <see cref="NetworkView"/> compiled once into indexed form (interfaces by id and by
/// address, group membership as address intervals, rules by direction and protocol with port intervals, ACL entries
/// pre-sorted, route tables as longest-prefix-match maps, each subnet's ACL and route table resolved), then queried
/// any number of times. Immutable after <see cref="Compile"/>, so one instance serves concurrent queries.
/// The semantics are README.md's; §6's many-pair answers are in the other parts of this class.
/// </summary>
public sealed partial class CompiledNetwork : IReachabilityEvaluator
{
    private readonly NetworkIndex _index;
    private readonly Refs _refs;

    private CompiledNetwork(NetworkView view, NetworkIndex index)
    {
        View = view;
        _index = index;
        _refs = new Refs(view.Region, view.AccountId);
    }

    public NetworkView View { get; }

    public static CompiledNetwork Compile(NetworkView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new CompiledNetwork(view, NetworkCompiler.Compile(view));
    }

    /// <summary>
    /// README §1: each endpoint resolves to interfaces (a resource may have several) or an external host; the pairs are
    /// analysed source-major and the answer is the first pair with a path, else the first pair's.
    /// </summary>
    public PathAnalysis Analyze(ReachabilityQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return LoadBalancerOf(query) is { } loadBalancer ? ThroughLoadBalancer(query, loadBalancer) : AnalyzeDirect(query);
    }

    private PathAnalysis AnalyzeDirect(ReachabilityQuery query)
    {
        var plan = QueryPlan.Of(query);
        var resolver = new EndpointResolver(_index, plan.Ipv6);
        var sources = resolver.Resolve(query.Source, isSource: true, query.SourceAddress);
        if (sources.Failure is { } noSource) return Unresolved(plan, noSource);
        var destinations = resolver.Resolve(query.Destination, isSource: false, query.DestinationAddress);
        if (destinations.Failure is { } noDestination) return Unresolved(plan, noDestination);
        PathAnalysis? first = null;
        foreach (var source in sources.Candidates)
        {
            foreach (var destination in destinations.Candidates)
            {
                var analysis = new PairAnalyzer(_index, _refs, plan).Analyze(source, destination);
                if (analysis.NetworkPathFound) return analysis;
                first ??= analysis;
            }
        }
        return first!;
    }

    private static PathAnalysis Unresolved(QueryPlan plan, Explanation explanation) => new()
    {
        ForwardPathFound = false,
        ReturnPathFound = false,
        Explanations = [explanation],
        SourcePorts = plan.SourcePorts,
        SourcePortOrigin = plan.SourcePortOrigin,
    };
}

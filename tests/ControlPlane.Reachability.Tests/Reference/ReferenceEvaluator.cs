using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// A deliberately simple implementation of src/ControlPlane.Reachability/README.md, the yardstick the compiled evaluator
/// is cross-checked against: per packet, every port of the set one by one, every rule and entry scanned linearly over the
/// view's raw lists, no index and no cache. Written to be read next to the README, not to be fast.
/// </summary>
public sealed class ReferenceEvaluator(NetworkView view) : IReachabilityEvaluator
{
    public NetworkView View => view;

    public PathAnalysis Analyze(ReachabilityQuery query)
    {
        var sourcePorts = query.SourcePorts ?? query.ClientProfile.EphemeralPorts();
        var origin = query.SourcePorts is null ? $"profile:{query.ClientProfile}" : "query";
        var pair = new PairAnalysis(view, query, sourcePorts, origin);

        var sources = Endpoints.Resolve(view, query.Source, query.SourceAddress, isSource: true);
        if (sources.Configuration is { } noSource) return pair.Configuration(noSource);
        var destinations = Endpoints.Resolve(view, query.Destination, query.DestinationAddress, isSource: false);
        if (destinations.Configuration is { } noDestination) return pair.Configuration(noDestination);

        // Every (source, destination) pair in source-major order: the first pair whose path is found, else the first pair.
        PathAnalysis? first = null;
        foreach (var source in sources.Ends)
        {
            foreach (var destination in destinations.Ends)
            {
                var analysis = pair.Run(source, destination);
                if (analysis.NetworkPathFound) return analysis;
                first ??= analysis;
            }
        }
        return first!;
    }
}

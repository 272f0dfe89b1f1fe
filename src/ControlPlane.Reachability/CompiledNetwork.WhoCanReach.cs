using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.ManyPairs;
using ControlPlane.Reachability.Queries;

namespace ControlPlane.Reachability;

public sealed partial class CompiledNetwork
{
    /// <summary>
    /// Who can reach <paramref name="target"/> (README §6): every interface for which <c>Analyze(interface → target)</c>
    /// finds the path, with the rules that let it; the address blocks outside the view the target's security groups and
    /// network ACL admit; and the analysis from the internet. For an interface target only the sources its groups admit
    /// are judged, each with decisions shared across the call (<see cref="PairKernel"/>).
    /// </summary>
    public WhoCanReachAnswer WhoCanReach(Endpoint target, int protocol, int? port, PacketOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        options ??= PacketOptions.Default;
        var query = options.Query(new Endpoint.Internet(), target, protocol, port);
        var plan = QueryPlan.Of(query);
        var answer = new WhoCanReachAnswer { Protocol = protocol, Port = port, Ipv6 = plan.Ipv6, SourcePorts = plan.SourcePorts, SourcePortOrigin = plan.SourcePortOrigin };
        var resolution = new EndpointResolver(_index, plan.Ipv6).Resolve(target, isSource: false, null);
        if (resolution.Failure is { } failure) return answer with { Unresolved = failure };
        if (resolution.Candidates is [ExternalCandidate external]) return answer with { Interfaces = ReachingExternal(query, external) };
        var targets = resolution.Candidates.Cast<InterfaceCandidate>().ToList();
        // A target address of the other family: every analysis is NO_PATH but the target's own (same interface, README §1).
        var otherFamily = targets.Any(t => t.Pinned is { } pin && pin.Ipv6 != plan.Ipv6);
        var destinations = new Participants([.. targets.Select(t => t.Eni)], plan.Ipv6, [.. targets.Select(t => t.Pinned)]);
        return answer with
        {
            TargetInterfaceIds = [.. targets.Select(t => t.Eni.Id)],
            Interfaces = ReachingInterfaces(plan, destinations, onlyThemselves: otherFamily),
            ExternalSources = otherFamily ? [] : [.. Enumerable.Range(0, destinations.Count).SelectMany(d => ExternalSources(plan, destinations, d))],
            Internet = Analyze(query with { Source = new Endpoint.Internet() }),
        };
    }

    /// <summary>Sources in id order; each reaches the first target interface (in id order) it has a path to, as Analyze answers.</summary>
    private List<ReachingInterface> ReachingInterfaces(QueryPlan plan, Participants destinations, bool onlyThemselves)
    {
        var sources = _index.All(plan.Ipv6);
        var kernel = new PairKernel(_index, plan, sources, destinations);
        var candidates = new bool[sources.Count];
        for (var d = 0; d < destinations.Count; d++)
        {
            if (onlyThemselves) candidates[destinations.Interfaces[d].Index] = true;
            else kernel.MarkCandidates(d, candidates);
        }
        var reaching = new List<ReachingInterface>();
        for (var s = 0; s < sources.Count; s++)
        {
            if (!candidates[s]) continue;
            for (var d = 0; d < destinations.Count; d++)
            {
                var verdict = kernel.Evaluate(s, d);
                if (!verdict.Found) continue;
                var source = sources.Interfaces[s];
                var address = sources.Sides[s]?.Host.ToString() ?? "";
                var ports = plan.Forward.HasPorts ? verdict.ForwardPorts.ToSpans() : [];
                reaching.Add(new ReachingInterface(source.Id, address, destinations.Interfaces[d].Id, ports, kernel.Rules(s, d, verdict)));
                break;
            }
        }
        return reaching;
    }

    /// <summary>
    /// For a target outside the view, every interface with a path to it. Only interfaces whose route toward it can carry
    /// the packet are analysed: any other's forward path is blocked at its route table.
    /// </summary>
    private List<ReachingInterface> ReachingExternal(ReachabilityQuery query, ExternalCandidate external)
    {
        var sources = _index.All(query.Ipv6);
        var routes = new Dictionary<(int Subnet, bool PublicIp), bool>();
        var reaching = new List<ReachingInterface>();
        for (var s = 0; s < sources.Count; s++)
        {
            if (sources.Sides[s] is not { Subnet: { } subnet } side) continue;
            var key = (subnet.Index, side.PublicIp is not null);
            if (!routes.TryGetValue(key, out var passes))
            {
                routes[key] = passes = RouteEvaluation.Toward(_index, subnet, key.Item2, external.Host, toInterface: false).Passes;
            }
            if (!passes) continue;
            var analysis = Analyze(query with { Source = new Endpoint.Interface(side.Eni.Id) });
            if (!analysis.NetworkPathFound) continue;
            var ports = analysis.ForwardPath[^1].InboundHeader?.DestinationPorts ?? [];
            reaching.Add(new ReachingInterface(side.Eni.Id, side.Host.ToString(), null, ports, PathRules.From(analysis)));
        }
        return reaching;
    }
}

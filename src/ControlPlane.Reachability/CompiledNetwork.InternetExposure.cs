using System.Net;
using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.Queries;

namespace ControlPlane.Reachability;

public sealed partial class CompiledNetwork
{
    /// <summary>The protocols an exposure report tries: TCP and UDP on every port, ICMP echo, and all traffic.</summary>
    private static readonly int[] ExposureProtocols = [6, 17, 1, Traffic.All];

    /// <summary>
    /// Every interface the internet reaches (README §6: <c>Analyze(internet → interface)</c> finds the path), on which
    /// protocols and ports, through which rules, and back through which route and gateway. Only interfaces that could be
    /// reached are analysed: in a VPC with an internet gateway and, for IPv4, with a public IP on their primary address.
    /// <paramref name="source"/> asks about one internet host instead of any.
    /// </summary>
    public InternetExposureReport InternetExposure(PacketOptions? options = null, IPAddress? source = null)
    {
        options ??= PacketOptions.Default;
        var host = source is null ? Host.Internet(options.Ipv6) : Host.Of(source);
        var exposed = new List<ExposedInterface>();
        foreach (var eni in _index.Interfaces)
        {
            if (!_index.Vpcs.TryGetValue(eni.VpcId, out var vpc) || vpc.InternetGateway is not { } gateway) continue;
            if (eni.DefaultAddress(options.Ipv6) is not { } address || (!options.Ipv6 && address.PublicIp is null)) continue;
            var protocols = ExposureProtocols
                .Select(p => Exposure(eni, host, source, options.Query(new Endpoint.Internet(), new Endpoint.Interface(eni.Id), options.Ipv6 && p == 1 ? 58 : p, null)))
                .OfType<ExposedProtocol>()
                .ToList();
            if (protocols.Count > 0) exposed.Add(new ExposedInterface(eni.Id, address.Host.ToString(), address.PublicIp?.ToString(), gateway.Id, protocols));
        }
        var plan = QueryPlan.Of(options.Query(new Endpoint.Internet(), new Endpoint.Internet(), 6, null));
        return new InternetExposureReport
        {
            Ipv6 = options.Ipv6,
            Source = host.ToCidr(),
            Interfaces = exposed,
            SourcePorts = plan.SourcePorts,
            SourcePortOrigin = plan.SourcePortOrigin,
        };
    }

    /// <summary>One protocol: the analysis decides; the rules listed are those that admit some of the ports that got through.</summary>
    private ExposedProtocol? Exposure(CompiledInterface eni, Host host, IPAddress? source, ReachabilityQuery query)
    {
        var analysis = Analyze(query with { SourceAddress = source });
        if (!analysis.NetworkPathFound) return null;
        var plan = QueryPlan.Of(query);
        var traffic = plan.Forward;
        var ports = traffic.HasPorts
            ? (analysis.ForwardPath[^1].InboundHeader?.DestinationPorts ?? []).Aggregate(PortSet.Empty, (set, span) => set.Union(PortSet.Range(span.From, span.To)))
            : PortSet.Token;
        var rules = eni.Groups
            .SelectMany(g => g.Rules(false).For(traffic.Protocol))
            .Where(r => r.PeerMatches(host) && !r.Admitted(traffic).Intersect(ports).IsEmpty)
            .Select(Matches.Rule)
            .ToList();
        var entries = new List<MatchedAclEntry>();
        if (eni.Subnet?.Acl is { } acl)
        {
            var decisions = new List<AclDecision>();
            AclDecisionWalk.Admitted(acl, false, traffic, host, ports, decisions);
            entries.AddRange(decisions.Where(d => d.Entry.View.Allow).Select(d => Matches.Entry(acl, d.Entry)).Distinct());
        }
        var rulesOfPath = PathRules.From(analysis);
        return new ExposedProtocol(Traffic.Name(query.Protocol), traffic.HasPorts ? ports.ToSpans() : [], rules, entries, rulesOfPath.DestinationAclEgress, rulesOfPath.ReturnRoute);
    }
}

using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.ManyPairs;

/// <summary>
/// The rules of a pair with a path, as <c>Analyze</c> shows them: at each hop the rule admitting the lowest surviving
/// port. The same rules recur across the pairs of a call, so each is shaped into its answer record once.
/// </summary>
internal sealed partial class PairKernel
{
    private readonly Dictionary<CompiledRule, MatchedSecurityGroupRule> _matchedRules = [];
    private readonly Dictionary<(CompiledAcl, AclEntry), MatchedAclEntry> _matchedEntries = [];
    private readonly Dictionary<CompiledRouteTable, Dictionary<RouteView, MatchedRoute>> _matchedRoutes = [];
    private readonly Dictionary<int, PortSet> _singlePorts = [];
    private readonly List<AclDecision> _decisions = [];
    private readonly Dictionary<(CompiledAcl Acl, bool Egress, bool BySubnet, int Key, int Port), MatchedAclEntry> _sharedEntries = [];

    public PathRules Rules(int s, int d, PairVerdict verdict)
    {
        var a = _sources.Interfaces[s];
        var b = _destinations.Interfaces[d];
        if (a == b || _sources.Sides[s] is not { } from || _destinations.Sides[d] is not { } to) return new PathRules();
        var crossesSubnets = a.View.SubnetId != b.View.SubnetId;
        var aclA = crossesSubnets ? a.Subnet?.Acl : null;
        var aclB = crossesSubnets ? b.Subnet?.Acl : null;
        var (forward, reply) = (_plan.Forward, _plan.Return);
        var port = verdict.ForwardPorts.Min;
        var replyPort = verdict.ReturnPorts.Min;
        return new PathRules
        {
            SourceSecurityGroupRule = Rule(a.Groups, true, to.Host, d, port),
            SourceAclEgress = DestinationEntry(aclA, true, forward, to.Host, d, port),
            Route = Route(RouteOut(from, to, d)),
            DestinationAclIngress = SourceEntry(aclB, false, forward, from.Host, s, port),
            DestinationSecurityGroupRule = Rule(b.Groups, false, from.Host, s, port),
            DestinationAclEgress = SourceEntry(aclB, true, reply, from.Host, s, replyPort),
            ReturnRoute = Route(RouteBack(to, from, s)),
            SourceAclIngress = DestinationEntry(aclA, false, reply, to.Host, d, replyPort),
        };
    }

    private MatchedSecurityGroupRule? Rule(CompiledGroup[] groups, bool egress, Host peer, int participant, int port)
    {
        if (groups.Length == 0 || (FirstRule(groups, egress, participant) ?? SecurityGroupDecision.RuleFor(groups, egress, _plan.Forward, peer, port)) is not { } rule) return null;
        if (!_matchedRules.TryGetValue(rule, out var matched)) _matchedRules[rule] = matched = Matches.Rule(rule);
        return matched;
    }

    /// <summary>With a single port, the first marking rule of the first group (in the interface's order) that has one.</summary>
    private CompiledRule? FirstRule(CompiledGroup[] groups, bool egress, int participant)
    {
        if (!_singlePort) return null;
        foreach (var group in groups)
        {
            if (_firstRules[egress ? 1 : 0][group.Index]?[participant] is { } rule) return rule;
        }
        return null;
    }

    /// <summary>A source ACL's entry toward or from a destination depends only on (ACL, direction, destination, port): once per call.</summary>
    private MatchedAclEntry? DestinationEntry(CompiledAcl? acl, bool egress, Traffic traffic, Host peer, int destination, int port) =>
        acl is null ? null : Shared((acl, egress, false, destination, port), traffic, peer);

    /// <summary>A destination ACL's entry from or toward a source: once per source subnet when the ACL treats that subnet alike.</summary>
    private MatchedAclEntry? SourceEntry(CompiledAcl? acl, bool egress, Traffic traffic, Host peer, int source, int port)
    {
        if (acl is null) return null;
        var home = _sources.HomeSubnets[source];
        return home is not null && _index.Uniformity.Acl(acl, home, _plan.Ipv6)
            ? Shared((acl, egress, true, home.Index, port), traffic, peer)
            : Entry(acl, egress, traffic, peer, port);
    }

    private MatchedAclEntry Shared((CompiledAcl Acl, bool Egress, bool BySubnet, int Key, int Port) key, Traffic traffic, Host peer)
    {
        if (_sharedEntries.TryGetValue(key, out var known)) return known;
        return _sharedEntries[key] = Entry(key.Acl, key.Egress, traffic, peer, key.Port)!;
    }

    /// <summary>The deciding entry for one port: the ACL walk on that port alone (the entry deciding a port does not depend on the others).</summary>
    private MatchedAclEntry? Entry(CompiledAcl? acl, bool egress, Traffic traffic, Host peer, int port)
    {
        if (acl is null) return null;
        _decisions.Clear();
        var single = traffic.HasPorts ? SinglePort(port) : PortSet.Token;
        AclDecisionWalk.Admitted(acl, egress, traffic, peer, single, _decisions);
        var entry = AclDecisionWalk.DecidingEntry(_decisions, port, egress, traffic.Ipv6);
        if (!_matchedEntries.TryGetValue((acl, entry), out var matched)) _matchedEntries[(acl, entry)] = matched = Matches.Entry(acl, entry);
        return matched;
    }

    private PortSet SinglePort(int port)
    {
        if (!_singlePorts.TryGetValue(port, out var single)) _singlePorts[port] = single = PortSet.Range(port, port);
        return single;
    }

    private MatchedRoute? Route(RouteVerdict verdict)
    {
        if (verdict is not { Table: { } table, Route: { } route }) return null;
        if (!_matchedRoutes.TryGetValue(table, out var routes)) _matchedRoutes[table] = routes = new Dictionary<RouteView, MatchedRoute>(ReferenceEqualityComparer.Instance);
        if (!routes.TryGetValue(route, out var matched)) routes[route] = matched = Matches.Route(table, route);
        return matched;
    }
}

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
    private readonly Dictionary<(CompiledRouteTable, RouteView), MatchedRoute> _matchedRoutes = [];
    private readonly Dictionary<int, PortSet> _singlePorts = [];
    private readonly List<AclDecision> _decisions = [];

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
            SourceAclEgress = Entry(aclA, true, forward, to.Host, port),
            Route = Route(RouteOut(from, to, d)),
            DestinationAclIngress = Entry(aclB, false, forward, from.Host, port),
            DestinationSecurityGroupRule = Rule(b.Groups, false, from.Host, s, port),
            DestinationAclEgress = Entry(aclB, true, reply, from.Host, replyPort),
            ReturnRoute = Route(RouteBack(to, from, s)),
            SourceAclIngress = Entry(aclA, false, reply, to.Host, replyPort),
        };
    }

    private MatchedSecurityGroupRule? Rule(CompiledGroup[] groups, bool egress, Host peer, int participant, int port)
    {
        if (groups.Length == 0 || FirstRule(groups, egress, participant) ?? SecurityGroupDecision.RuleFor(groups, egress, _plan.Forward, peer, port) is not { } rule) return null;
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
        if (!_matchedRoutes.TryGetValue((table, route), out var matched)) _matchedRoutes[(table, route)] = matched = Matches.Route(table, route);
        return matched;
    }
}

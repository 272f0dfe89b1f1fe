using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Analysis;

/// <summary>The matched rule of a hop, shaped as AWS's AnalysisSecurityGroupRule, AnalysisAclRule and AnalysisRouteTableRoute.</summary>
internal static class Matches
{
    public static MatchedSecurityGroupRule Rule(CompiledRule rule)
    {
        var view = rule.View;
        var ports = view.Protocol is 6 or 17 ? new PortSpan(view.FromPort ?? 0, view.ToPort ?? 65535) : (PortSpan?)null;
        return new MatchedSecurityGroupRule(rule.GroupId, view.RuleId, view.Egress ? "egress" : "ingress", Traffic.Name(view.Protocol), ports,
            view.Peer.Cidr?.ToString(), view.Peer.PrefixListId, view.Peer.GroupId);
    }

    public static MatchedAclEntry Entry(CompiledAcl acl, AclEntry entry)
    {
        var view = entry.View;
        return new MatchedAclEntry(acl.Id, view.RuleNumber, view.Egress, Traffic.Name(view.Protocol), view.Cidr.ToString(),
            view.Protocol is 6 or 17 ? view.Ports ?? PortSpan.All : null, view.Allow ? "allow" : "deny");
    }

    public static MatchedRoute Route(CompiledRouteTable table, RouteView route) =>
        new(table.Id, route.DestinationCidr?.ToString(), route.DestinationPrefixListId, route.TargetKind, route.TargetId,
            route.State == RouteState.Blackhole ? "blackhole" : "active", route.Origin);
}

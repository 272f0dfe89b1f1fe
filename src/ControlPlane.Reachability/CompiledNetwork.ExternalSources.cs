using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.ManyPairs;

namespace ControlPlane.Reachability;

public sealed partial class CompiledNetwork
{
    /// <summary>
    /// The address blocks outside every VPC of the view that the target's ingress rules admit (a rule's CIDR, or each
    /// CIDR of its prefix list; every address of the family when the target has no groups), each judged by the target
    /// subnet's ACL as a whole.
    /// </summary>
    private IEnumerable<ExternalSource> ExternalSources(QueryPlan plan, Participants destinations, int d)
    {
        var eni = destinations.Interfaces[d];
        var admitted = eni.Groups.Length == 0
            ? [(null, null, Block.Every(plan.Ipv6), plan.ForwardPorts)]
            : eni.Groups.SelectMany(g => g.Rules(false).For(plan.Forward.Protocol)).SelectMany(rule => Blocks(rule, plan));
        foreach (var (rule, prefixList, block, ports) in admitted)
        {
            if (ports.IsEmpty || _index.Vpcs.Values.Any(v => v.Blocks.Any(b => block.Within(b)))) continue;
            yield return Judge(plan, eni, rule, prefixList, block, ports);
        }
    }

    private IEnumerable<(CompiledRule? Rule, string? PrefixList, Block Block, PortSet Ports)> Blocks(CompiledRule rule, QueryPlan plan)
    {
        var ports = rule.Admitted(plan.Forward).Intersect(plan.ForwardPorts);
        var peer = rule.View.Peer;
        if (peer.Cidr is { } cidr && cidr.IsIpv6 == plan.Ipv6) yield return (rule, null, Block.Of(cidr), ports);
        if (peer.PrefixListId is { } list && _index.PrefixLists.TryGetValue(list, out var blocks))
        {
            foreach (var block in blocks.Where(b => b.Ipv6 == plan.Ipv6)) yield return (rule, list, block, ports);
        }
    }

    /// <summary>
    /// An ACL judges the block as a whole: only entries that contain all of it apply (a narrower entry may treat part of
    /// it differently). The request needs the ingress entries, the reply the egress entries on the source ports.
    /// </summary>
    private static ExternalSource Judge(QueryPlan plan, CompiledInterface eni, CompiledRule? rule, string? prefixList, Block block, PortSet ports)
    {
        var host = block.AsHost();
        var inbound = ports;
        var replies = true;
        MatchedAclEntry? aclIn = null, aclOut = null;
        if (eni.Subnet?.Acl is { } acl)
        {
            var requests = new List<AclDecision>();
            inbound = AclDecisionWalk.Admitted(acl, false, plan.Forward, host, ports, requests);
            aclIn = Matches.Entry(acl, AclDecisionWalk.DecidingEntry(requests, (inbound.IsEmpty ? ports : inbound).Min, false, plan.Ipv6));
            var answers = new List<AclDecision>();
            var replyPorts = plan.ReturnPorts;
            var refused = PortGate.Pass(ref replyPorts, AclDecisionWalk.Admitted(acl, true, plan.Return, host, plan.ReturnPorts, answers), plan.RequireAllSourcePorts);
            replies = refused is null;
            aclOut = Matches.Entry(acl, AclDecisionWalk.DecidingEntry(answers, (refused ?? replyPorts).Min, true, plan.Ipv6));
        }
        return new ExternalSource(block.ToString(), prefixList, eni.Id, rule is null ? null : Matches.Rule(rule),
            plan.Forward.HasPorts ? inbound.ToSpans() : [], aclIn, aclOut, !inbound.IsEmpty && replies);
    }
}

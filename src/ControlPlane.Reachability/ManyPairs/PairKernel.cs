using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Compiled;
using static ControlPlane.Reachability.Answers.ExplanationCodes;

namespace ControlPlane.Reachability.ManyPairs;

/// <summary>
/// Interface → interface verdicts for many pairs of one query plan, without building paths. It walks the components of
/// README §4 in <see cref="PairAnalyzer"/>'s order and judges each with the same decisions (<see cref="PortGate"/>,
/// <see cref="AclDecisionWalk"/>, <see cref="RouteEvaluation"/>, security group rules), but every decision that only
/// depends on a component and the other end's address is computed once per call and kept in a table: a group's rules
/// are turned around (each rule marks the participants its peer covers); an ACL or route table is judged once per
/// participant address, or once per subnet when it treats every address of the subnet alike.
/// </summary>
internal sealed partial class PairKernel
{
    private readonly NetworkIndex _index;
    private readonly QueryPlan _plan;
    private readonly Participants _sources;
    private readonly Participants _destinations;

    /// <summary>[group][destination]: the ports a source group's egress rules admit toward each destination; null entry: none.</summary>
    private readonly PortSet?[]?[] _groupEgress;

    /// <summary>[group][source]: the ports a destination group's ingress rules admit from each source; null entry: none.</summary>
    private readonly PortSet?[]?[] _groupIngress;

    /// <summary>
    /// [ingress, egress][group][participant]: when the query has a single port (or none), the first rule of the group, in
    /// order, that admits the participant: every marking rule admits that one port, so it is the rule Analyze shows.
    /// </summary>
    private readonly CompiledRule?[]?[][] _firstRules;
    private readonly bool _singlePort;

    /// <summary>ACLs: the source's toward each destination and the destination's from each source, then the same for the reply.</summary>
    private readonly DecisionTable<PortSet> _aclOut;
    private readonly DecisionTable<PortSet> _aclIn;
    private readonly DecisionTable<PortSet> _replyOut;
    private readonly DecisionTable<PortSet> _replyIn;

    /// <summary>Routes, per (sender's subnet, whether it has a public IP): toward each destination, and back toward each source.</summary>
    private readonly DecisionTable<RouteVerdict> _routeOut;
    private readonly DecisionTable<RouteVerdict> _routeBack;

    public PairKernel(NetworkIndex index, QueryPlan plan, Participants sources, Participants destinations)
    {
        _index = index;
        _plan = plan;
        _sources = sources;
        _destinations = destinations;
        _groupEgress = new PortSet?[index.Groups.Count][];
        _groupIngress = new PortSet?[index.Groups.Count][];
        _singlePort = plan.ForwardPorts.IsSingle;
        _firstRules = [new CompiledRule?[index.Groups.Count][], new CompiledRule?[index.Groups.Count][]];
        var subnets = index.Subnets.Count;
        _aclOut = new(index.AclCount, destinations.Count, subnets);
        _aclIn = new(index.AclCount, sources.Count, subnets);
        _replyOut = new(index.AclCount, sources.Count, subnets);
        _replyIn = new(index.AclCount, destinations.Count, subnets);
        _routeOut = new(subnets * 2, destinations.Count, subnets);
        _routeBack = new(subnets * 2, sources.Count, subnets);
    }

    /// <summary>The verdict for source participant <paramref name="s"/> → destination participant <paramref name="d"/>.</summary>
    public PairVerdict Evaluate(int s, int d)
    {
        var a = _sources.Interfaces[s];
        var b = _destinations.Interfaces[d];
        if (a == b) return new PairVerdict(true, true, null, _plan.ForwardPorts, _plan.ReturnPorts);
        if (_sources.Sides[s] is not { } from || _destinations.Sides[d] is not { } to) return Configuration(UnassociatedComponent);
        if (a.VpcId != b.VpcId && !(_index.Vpcs.TryGetValue(a.VpcId, out var vpc) && vpc.ActivePeers.ContainsKey(b.VpcId))) return Configuration(DisconnectedVpcs);
        var crossesSubnets = a.View.SubnetId != b.View.SubnetId;
        var aclA = crossesSubnets ? a.Subnet?.Acl : null;
        var aclB = crossesSubnets ? b.Subnet?.Acl : null;

        var forward = new Walk(_plan.ForwardPorts, false);
        if (a.IsDetached) forward.Block(BadState);
        if (a.Groups.Length > 0 && forward.Refuses(Groups(_groupEgress, a.Groups, true, d))) forward.Block(GroupCode(a, true));
        if (aclA is not null && forward.Refuses(Acl(_aclOut, aclA, true, false, d))) forward.Block(SubnetAclRestriction);
        forward.Route(RouteOut(from, to, d));
        if (aclB is not null && forward.Refuses(Acl(_aclIn, aclB, false, false, s))) forward.Block(SubnetAclRestriction);
        if (b.Groups.Length > 0 && forward.Refuses(Groups(_groupIngress, b.Groups, false, s))) forward.Block(GroupCode(b, false));
        if (b.IsDetached) forward.Block(BadState);

        var back = new Walk(_plan.ReturnPorts, _plan.RequireAllSourcePorts);
        if (b.IsDetached) back.Block(BadState);
        if (aclB is not null && back.Refuses(Acl(_replyOut, aclB, true, true, s))) back.Block(SubnetAclRestriction);
        back.Route(RouteBack(to, from, s));
        if (aclA is not null && back.Refuses(Acl(_replyIn, aclA, false, true, d))) back.Block(SubnetAclRestriction);
        if (a.IsDetached) back.Block(BadState);

        return new PairVerdict(forward.Found, back.Found, forward.First ?? back.First, forward.Ports, back.Ports);
    }

    private PairVerdict Configuration(string code) => new(false, false, code, _plan.ForwardPorts, _plan.ReturnPorts);

    private static string GroupCode(CompiledInterface eni, bool egress) =>
        SecurityGroupDecision.HasNoRules(eni.Groups, egress) ? SgHasNoRules : EniSgRulesMismatch;

    /// <summary>One path's ports and first blocking code, as <see cref="PathBuilder"/> keeps them.</summary>
    private struct Walk(PortSet ports, bool requireAll)
    {
        public PortSet Ports = ports;
        public string? First;
        public readonly bool Found => First is null;

        public void Block(string code) => First ??= code;

        /// <summary>Applies a component's admitted ports; true when it blocks.</summary>
        public bool Refuses(PortSet admitted) => PortGate.Pass(ref Ports, admitted, requireAll) is not null;

        public void Route(RouteVerdict verdict)
        {
            if (verdict.Blocks.Length > 0) Block(verdict.Blocks[0]);
        }
    }
}

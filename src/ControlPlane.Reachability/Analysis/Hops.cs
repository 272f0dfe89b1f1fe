using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// One component of a path as the walk met it. The matched rule is chosen when the path is complete: the one that
/// admits the lowest port surviving every component (README §3), or the deciding entry of a blocking ACL.
/// </summary>
internal abstract record Hop
{
    public abstract PathComponent Build(int sequence, int port, Refs refs);
}

internal sealed record InterfaceHop(CompiledInterface Eni) : Hop
{
    public override PathComponent Build(int sequence, int port, Refs refs) => new()
    {
        SequenceNumber = sequence,
        Component = refs.Interface(Eni),
        AttachedTo = Eni.Owner is { } owner ? Refs.Owner(owner) : null,
        VpcId = Eni.VpcId,
        SubnetId = Eni.View.SubnetId,
    };
}

/// <summary>An interface's groups; <paramref name="Admits"/> false for a blocking hop or the stateful return (no rule).</summary>
internal sealed record SecurityGroupHop(CompiledInterface Eni, bool Egress, Traffic Traffic, Host Peer, bool Admits) : Hop
{
    public override PathComponent Build(int sequence, int port, Refs refs)
    {
        var rule = Admits ? SecurityGroupDecision.RuleFor(Eni.Groups, Egress, Traffic, Peer, port) : null;
        var group = rule is null ? Eni.Groups[0] : Eni.Groups.First(g => g.Id == rule.GroupId);
        return new PathComponent
        {
            SequenceNumber = sequence,
            Component = refs.Group(group),
            VpcId = Eni.VpcId,
            SecurityGroupRule = rule is null ? null : Matches.Rule(rule),
        };
    }
}

internal sealed record AclHop(CompiledAcl Acl, CompiledSubnet Subnet, bool Egress, bool Ipv6, List<AclDecision> Decisions, AclEntry? Blocking) : Hop
{
    public override PathComponent Build(int sequence, int port, Refs refs) => new()
    {
        SequenceNumber = sequence,
        Component = refs.Acl(Acl),
        VpcId = Subnet.View.VpcId,
        SubnetId = Subnet.Id,
        AclRule = Matches.Entry(Acl, Blocking ?? AclDecisionWalk.DecidingEntry(Decisions, port, Egress, Ipv6)),
    };
}

internal sealed record RouteHop(CompiledRouteTable Table, RouteView? Route, CompiledSubnet Subnet) : Hop
{
    public override PathComponent Build(int sequence, int port, Refs refs) => new()
    {
        SequenceNumber = sequence,
        Component = refs.RouteTable(Table),
        VpcId = Table.View.VpcId,
        SubnetId = Subnet.Id,
        RouteTableRoute = Route is null ? null : Matches.Route(Table, Route),
    };
}

internal sealed record GatewayHop(GatewayView Gateway) : Hop
{
    public override PathComponent Build(int sequence, int port, Refs refs) =>
        new() { SequenceNumber = sequence, Component = refs.Gateway(Gateway), VpcId = Gateway.VpcId };
}

internal sealed record PeeringHop(CompiledPeering Peering) : Hop
{
    public override PathComponent Build(int sequence, int port, Refs refs) =>
        new() { SequenceNumber = sequence, Component = refs.Peering(Peering) };
}

using ControlPlane.Reachability.Compiled;
using static ControlPlane.Reachability.Answers.ExplanationCodes;

namespace ControlPlane.Reachability.Analysis;

/// <summary>The interface, security group and network ACL hops of a path.</summary>
internal sealed partial class PairAnalyzer
{
    /// <summary>
    /// An interface at either end of a path. A detached one (<c>available</c>) cannot carry traffic: BAD_STATE on every
    /// path it is part of. With source/destination check on, an interface only sends from and receives at its own
    /// addresses (https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html#EIP_Disable_SrcDestCheck):
    /// checked on the forward path only (<paramref name="spoofCheckEgress"/> null on the return path).
    /// </summary>
    private void Endpoint(PathBuilder path, EniSide side, bool? spoofCheckEgress)
    {
        path.Add(new InterfaceHop(side.Eni));
        if (side.Eni.IsDetached) path.Block(_explain.BadState(side.Eni));
        if (spoofCheckEgress is { } egress && side.Own is null && side.Eni.View.SourceDestCheck)
        {
            path.Block(_explain.SourceDestCheck(side.Eni, egress, side.Host));
        }
        if (spoofCheckEgress is not null) NoteInterface(side.Eni);
    }

    private void NoteInterface(CompiledInterface eni)
    {
        if (eni.Owner is { State: "stopped" } stopped)
        {
            _notes.Add($"{stopped.Id} is stopped: {eni.Id} keeps its configuration and was evaluated as configured.");
        }
        if (eni.Owner is { } owner && owner.Type != "instance")
        {
            _notes.Add($"{eni.Id} belongs to {owner.Type} {owner.Id}: only the interface's security groups, network ACL and routes were evaluated; the service behind it (listeners, targets, address translation) is not modelled.");
        }
        if (eni.Groups.Length == 0)
        {
            _notes.Add($"{eni.Id} has no security groups (as a NAT gateway's interface): no security group filters it.");
        }
    }

    /// <summary>The interface's groups in one direction: the union of their rules, allow only. No groups: not filtered.</summary>
    private void Groups(PathBuilder path, EniSide side, bool egress, Host peer)
    {
        var groups = side.Eni.Groups;
        if (groups.Length == 0) return;
        var admitted = SecurityGroupDecision.Admitted(groups, egress, path.Traffic, peer, path.Scope);
        var refused = path.Gate(admitted);
        path.Add(new SecurityGroupHop(side.Eni, egress, path.Traffic, peer, refused is null));
        if (refused is not null) path.Block(_explain.SecurityGroups(side.Eni, egress, path.Traffic, refused));
    }

    /// <summary>Security groups are stateful: the reply to an admitted request passes without a rule.</summary>
    private static void StatefulGroups(PathBuilder path, EniSide side)
    {
        if (side.Eni.Groups.Length > 0) path.Add(new SecurityGroupHop(side.Eni, false, path.Traffic, side.Host, false));
    }

    /// <summary>The subnet's network ACL in one direction; <paramref name="peer"/> is the destination (egress) or source (ingress).</summary>
    private void Acl(PathBuilder path, CompiledSubnet? subnet, bool egress, Host peer)
    {
        if (subnet?.Acl is not { } acl)
        {
            _notes.Add($"Subnet {subnet?.Id ?? "(not in the view)"} has no network ACL in the view: none was applied.");
            return;
        }
        var decisions = new List<AclDecision>();
        var admitted = AclDecisionWalk.Admitted(acl, egress, path.Traffic, peer, path.Scope, decisions);
        var refused = path.Gate(admitted);
        var blocking = refused is null ? null : AclDecisionWalk.DecidingEntry(decisions, refused.Min, egress, path.Traffic.Ipv6);
        path.Add(new AclHop(acl, subnet, egress, path.Traffic.Ipv6, decisions, blocking));
        if (blocking is not null) path.Block(_explain.Acl(acl, subnet, egress, blocking, path.Traffic, refused!));
    }

    /// <summary>
    /// The internet gateway's ingress checks (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html):
    /// for IPv4 it only delivers to a public or elastic IP of an interface, and drops RFC 1918 / RFC 6598 sources.
    /// </summary>
    private void InternetIngress(PathBuilder path, View.GatewayView gateway, Host source, EniSide b)
    {
        if (plan.Ipv6) return;
        if (b.PublicIp is null)
        {
            path.Block(_explain.Gateway(IgwPrivateIpAssociationForIngress, gateway, b.Host, $"{b.Host} has no public or elastic IP: {gateway.Id} has nothing to deliver to."));
        }
        if (source.IsRfc1918) path.Block(_explain.Gateway(IgwSourceNotInRfc1918Ingress, gateway, source, $"{gateway.Id} drops traffic from the private (RFC 1918) address {source}."));
        else if (source.IsRfc6598) path.Block(_explain.Gateway(IgwSourceNotInRfc6598Ingress, gateway, source, $"{gateway.Id} drops traffic from the shared (RFC 6598) address {source}."));
    }
}

using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Analysis;

/// <summary>The three shapes of a pair (README §4, §5): interface → interface, interface → external, external → interface.</summary>
internal sealed partial class PairAnalyzer
{
    /// <summary>
    /// A → B: A, A's groups (egress), A's ACL (egress), A's route table [peering | gateway], B's ACL (ingress), B's groups
    /// (ingress), B; and back the same way with stateful groups. ACLs are skipped inside one subnet: they filter traffic
    /// entering and leaving a subnet (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html).
    /// </summary>
    private PathAnalysis BetweenInterfaces(EniSide a, EniSide b)
    {
        if (a.Eni.VpcId != b.Eni.VpcId && !(index.Vpcs.TryGetValue(a.Eni.VpcId, out var vpc) && vpc.ActivePeers.ContainsKey(b.Eni.VpcId)))
        {
            return Configuration(_explain.Disconnected(a.Eni.VpcId, b.Eni.VpcId));
        }
        var sameSubnet = a.Eni.View.SubnetId == b.Eni.View.SubnetId;
        var forward = Forward();
        Endpoint(forward, a, spoofCheckEgress: true);
        Groups(forward, a, egress: true, b.Host);
        if (!sameSubnet) Acl(forward, a.Subnet, egress: true, b.Host);
        Route(forward, a, b.Host, b);
        if (_configuration is not null) return Complete(forward, Return(), a.Host, b.Host, a.Eni.Id, b.Eni.Id);
        if (!sameSubnet) Acl(forward, b.Subnet, egress: false, a.Host);
        Groups(forward, b, egress: false, a.Host);
        Endpoint(forward, b, spoofCheckEgress: false);

        var back = Return();
        Endpoint(back, b, spoofCheckEgress: null);
        StatefulGroups(back, b);
        if (!sameSubnet) Acl(back, b.Subnet, egress: true, a.Host);
        Route(back, b, a.Host, a);
        if (!sameSubnet) Acl(back, a.Subnet, egress: false, b.Host);
        StatefulGroups(back, a);
        Endpoint(back, a, spoofCheckEgress: null);
        return Complete(forward, back, a.Host, b.Host, a.Eni.Id, b.Eni.Id);
    }

    /// <summary>
    /// A → an internet or external host: A, its groups and ACL (egress), its route table and the gateway or peering the
    /// route leads to; the reply comes back through that hop and A's ACL (ingress). A named gateway must be A's VPC's.
    /// </summary>
    private PathAnalysis ToExternal(EniSide a, ExternalCandidate external)
    {
        if (external.Gateway is { } named && named.VpcId != a.Eni.VpcId)
        {
            return Configuration(named.VpcId is null
                ? Explain.NoPath($"{named.Id} is not attached to a VPC.")
                : _explain.Disconnected(a.Eni.VpcId, named.VpcId));
        }
        var host = external.Host;
        var forward = Forward();
        Endpoint(forward, a, spoofCheckEgress: true);
        Groups(forward, a, egress: true, host);
        Acl(forward, a.Subnet, egress: true, host);
        var exit = Route(forward, a, host, null);
        if (_configuration is not null) return Complete(forward, Return(), a.Host, host, a.Eni.Id, null);

        var back = Return();
        if (exit is not null) back.Add(exit);
        Acl(back, a.Subnet, egress: false, host);
        StatefulGroups(back, a);
        Endpoint(back, a, spoofCheckEgress: null);
        return Complete(forward, back, a.Host, host, a.Eni.Id, null);
    }

    /// <summary>
    /// An internet or external host → B, through the named internet gateway or the one attached to B's VPC; the reply
    /// leaves through B's ACL (egress) and B's route table, which must send the host's address to that same gateway.
    /// </summary>
    private PathAnalysis FromExternal(ExternalCandidate external, EniSide b)
    {
        var gateway = external.Gateway ?? (index.Vpcs.TryGetValue(b.Eni.VpcId, out var vpc) ? vpc.InternetGateway : null);
        if (gateway is null) return Configuration(Explain.NoPath($"{b.Eni.VpcId} has no internet gateway attached: nothing can enter it from the internet."));
        if (gateway.VpcId != b.Eni.VpcId)
        {
            return Configuration(gateway.VpcId is null
                ? Explain.NoPath($"{gateway.Id} is not attached to a VPC.")
                : _explain.Disconnected(gateway.VpcId, b.Eni.VpcId));
        }
        if (gateway.Kind == GatewayKind.EgressOnlyInternetGateway) return Configuration(Explain.NoPath($"{gateway.Id} is egress-only: it never admits inbound connections."));
        var host = external.Host;
        NoteExternalSourceInPeering(host);
        var forward = Forward();
        forward.Add(new GatewayHop(gateway));
        InternetIngress(forward, gateway, host, b);
        Acl(forward, b.Subnet, egress: false, host);
        Groups(forward, b, egress: false, host);
        Endpoint(forward, b, spoofCheckEgress: false);

        var back = Return();
        Endpoint(back, b, spoofCheckEgress: null);
        StatefulGroups(back, b);
        Acl(back, b.Subnet, egress: true, host);
        RouteBack(back, b, host, gateway);
        return Complete(forward, back, host, b.Host, null, b.Eni.Id);
    }

    private void NoteExternalSourceInPeering(Host host)
    {
        var peering = index.Peerings.Values.FirstOrDefault(p => p.IsActive &&
            (p.OtherSideContains(p.View.Requester.VpcId, host) && !index.Vpcs.ContainsKey(p.View.Accepter.VpcId)
             || p.OtherSideContains(p.View.Accepter.VpcId, host) && !index.Vpcs.ContainsKey(p.View.Requester.VpcId)));
        if (peering is not null)
        {
            _notes.Add($"{host} lies in a VPC outside the view, behind {peering.Id}: traffic arriving over a peering connection from outside the view is not modelled; it was analysed as coming from the internet.");
        }
    }
}

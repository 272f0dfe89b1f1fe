using System.Net;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>One (source, destination) pair through the components of README §4 and §5, forward then return.</summary>
internal sealed class PairAnalysis(NetworkView view, ReachabilityQuery query, PortSpan sourcePorts, string sourcePortOrigin)
{
    private readonly Packet _packet = Packet.Forward(query);
    private bool Ipv6 => query.Ipv6;

    public PathAnalysis Run(End source, End destination)
    {
        if (source is InterfaceEnd same && destination is InterfaceEnd other && same.Eni.Id == other.Eni.Id)
        {
            return new PathAnalysis
            {
                ForwardPathFound = true,
                ReturnPathFound = true,
                SourcePorts = sourcePorts,
                SourcePortOrigin = sourcePortOrigin,
                SourceInterfaceId = same.Eni.Id,
                DestinationInterfaceId = same.Eni.Id,
                Notes = ["source and destination are the same interface: no security group, network ACL or route applies"],
            };
        }

        var sourceAddress = AddressOf(source);
        if (source is InterfaceEnd unassignedSource && sourceAddress is null) return Unassociated(unassignedSource.Eni);
        var destinationAddress = AddressOf(destination);
        if (destination is InterfaceEnd unassignedDestination && destinationAddress is null) return Unassociated(unassignedDestination.Eni);

        // An address given in the query (endpoint, pin, internet host) of the other family than the query's: no path.
        if (GivenAddresses(source, destination).Any(a => Topology.IsIpv6(a) != Ipv6))
            return Configuration(new Explanation { Code = "NO_PATH", Message = $"an address given is not {(Ipv6 ? "IPv6" : "IPv4")}" });

        return (source, destination) switch
        {
            (InterfaceEnd a, InterfaceEnd b) => Between(a.Eni, sourceAddress!, b.Eni, destinationAddress!),
            (InterfaceEnd a, HostEnd host) => ToHost(a.Eni, sourceAddress!, host),
            (HostEnd host, InterfaceEnd b) => FromHost(host, b.Eni, destinationAddress!),
            _ => Configuration(new Explanation { Code = "NO_PATH", Message = "neither end is a network interface" }),
        };
    }

    public PathAnalysis Configuration(Explanation explanation) => new()
    {
        ForwardPathFound = false,
        ReturnPathFound = false,
        Explanations = [explanation],
        SourcePorts = sourcePorts,
        SourcePortOrigin = sourcePortOrigin,
    };

    private static IEnumerable<IPAddress> GivenAddresses(params End[] ends) =>
        ends.Select(end => end switch { InterfaceEnd e => e.Pinned, HostEnd h => h.Address, _ => null }).OfType<IPAddress>();

    private IPAddress? AddressOf(End end) =>
        end is InterfaceEnd e ? e.Pinned ?? Topology.DefaultAddress(e.Eni, Ipv6) : null;

    private PathAnalysis Unassociated(NetworkInterfaceView eni) => Configuration(new Explanation
    {
        Code = "UNASSOCIATED_COMPONENT",
        Component = Topology.Ref(eni),
        NetworkInterface = Topology.Ref(eni),
        Message = $"{eni.Id} has no {(Ipv6 ? "IPv6" : "IPv4")} address",
    });

    /// <summary>Interface A to interface B, in the same VPC or in peered VPCs.</summary>
    private PathAnalysis Between(NetworkInterfaceView a, IPAddress aAddress, NetworkInterfaceView b, IPAddress bAddress)
    {
        if (a.VpcId != b.VpcId && Topology.ActivePeering(view, a.VpcId, b.VpcId) is null)
        {
            return Configuration(new Explanation
            {
                Code = "DISCONNECTED_VPCS",
                SourceVpc = Topology.VpcRef(a.VpcId),
                DestinationVpc = Topology.VpcRef(b.VpcId),
                Message = $"{a.VpcId} and {b.VpcId} are not joined by an active peering connection",
            });
        }
        // NACLs are not evaluated between two interfaces of one subnet: https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
        var crossesSubnets = a.SubnetId != b.SubnetId;
        var toA = new Peer(aAddress);
        var toB = new Peer(bAddress);
        var notes = new List<string>();

        var forward = new PathWalk("forward", _packet.ForwardPorts(query), requireAll: false);
        Interface(forward, a, aAddress, sending: true, notes);
        SecurityGroups(forward, a, egress: true, toB, _packet);
        if (crossesSubnets) Acl(forward, a, egress: true, toB, _packet);
        if (Route(forward, a, aAddress, toB, destinationInView: true, _packet) is { } unknown) return Configuration(unknown);
        if (crossesSubnets) Acl(forward, b, egress: false, toA, _packet);
        SecurityGroups(forward, b, egress: false, toA, _packet);
        Interface(forward, b, bAddress, sending: false, notes);

        var reply = _packet.Reply();
        var back = new PathWalk("return", reply.ReturnPorts(sourcePorts), query.RequireAllSourcePorts);
        Interface(back, b, bAddress, sending: true, notes: null);
        Stateful(back, b);
        if (crossesSubnets) Acl(back, b, egress: true, toA, reply);
        Route(back, b, bAddress, toA, destinationInView: true, reply);
        if (crossesSubnets) Acl(back, a, egress: false, toB, reply);
        Stateful(back, a);
        Interface(back, a, aAddress, sending: false, notes: null);

        return Answer(forward, back, a.Id, b.Id, notes);
    }

    /// <summary>Interface A to the internet or an external address (README §5, egress).</summary>
    private PathAnalysis ToHost(NetworkInterfaceView a, IPAddress aAddress, HostEnd host)
    {
        if (host.NamedGateway is { } named && named.VpcId != a.VpcId) return GatewayElsewhere(named, a.VpcId, sourceIsVpc: true);
        var notes = new List<string>();

        var forward = new PathWalk("forward", _packet.ForwardPorts(query), requireAll: false);
        Interface(forward, a, aAddress, sending: true, notes);
        SecurityGroups(forward, a, egress: true, host.Peer, _packet);
        Acl(forward, a, egress: true, host.Peer, _packet);
        if (Route(forward, a, aAddress, host.Peer, destinationInView: false, _packet) is { } unknown) return Configuration(unknown);

        // The reply comes back in through the gateway or peering connection: A's NACL ingress, then A.
        var reply = _packet.Reply();
        var back = new PathWalk("return", reply.ReturnPorts(sourcePorts), query.RequireAllSourcePorts);
        Acl(back, a, egress: false, host.Peer, reply);
        Stateful(back, a);
        Interface(back, a, aAddress, sending: false, notes: null);

        return Answer(forward, back, a.Id, null, notes);
    }

    /// <summary>The internet or an external address to interface B (README §5, ingress).</summary>
    private PathAnalysis FromHost(HostEnd host, NetworkInterfaceView b, IPAddress bAddress)
    {
        var gateway = host.NamedGateway
            ?? view.Gateways.FirstOrDefault(g => g.Kind == GatewayKind.InternetGateway && g.VpcId == b.VpcId);
        if (gateway is null)
            return Configuration(new Explanation { Code = "NO_PATH", Vpc = Topology.VpcRef(b.VpcId), Message = $"{b.VpcId} has no internet gateway" });
        if (gateway.VpcId != b.VpcId) return GatewayElsewhere(gateway, b.VpcId, sourceIsVpc: false);
        if (gateway.Kind != GatewayKind.InternetGateway)
            return Configuration(new Explanation { Code = "NO_PATH", Message = $"{gateway.Id} never admits inbound connections" });
        var notes = new List<string>();
        var toB = new Peer(bAddress);

        var forward = new PathWalk("forward", _packet.ForwardPorts(query), requireAll: false);
        forward.Hop(Topology.Ref(gateway), b.VpcId);
        if (!Ipv6)
        {
            // The internet gateway admits IPv4 only to a public IP, and never from private or shared address space:
            // https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html
            if (Topology.PublicIpOf(b, bAddress) is null) forward.Block(GatewayCode("IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS", gateway, toB));
            if (host.Peer.IsRfc1918) forward.Block(GatewayCode("IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS", gateway, host.Peer));
            else if (host.Peer.IsRfc6598) forward.Block(GatewayCode("IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS", gateway, host.Peer));
        }
        Acl(forward, b, egress: false, host.Peer, _packet);
        SecurityGroups(forward, b, egress: false, host.Peer, _packet);
        Interface(forward, b, bAddress, sending: false, notes);

        var reply = _packet.Reply();
        var back = new PathWalk("return", reply.ReturnPorts(sourcePorts), query.RequireAllSourcePorts);
        Interface(back, b, bAddress, sending: true, notes: null);
        Stateful(back, b);
        Acl(back, b, egress: true, host.Peer, reply);
        RouteBackToGateway(back, b, host.Peer, gateway);

        return Answer(forward, back, null, b.Id, notes);
    }

    private PathAnalysis GatewayElsewhere(GatewayView gateway, string vpcId, bool sourceIsVpc) => gateway.VpcId is null
        ? Configuration(new Explanation { Code = "NO_PATH", InternetGateway = Topology.Ref(gateway), Message = $"{gateway.Id} is not attached to a VPC" })
        : Configuration(new Explanation
        {
            Code = "DISCONNECTED_VPCS",
            SourceVpc = Topology.VpcRef(sourceIsVpc ? vpcId : gateway.VpcId),
            DestinationVpc = Topology.VpcRef(sourceIsVpc ? gateway.VpcId : vpcId),
            InternetGateway = Topology.Ref(gateway),
            Message = $"{gateway.Id} is attached to {gateway.VpcId}, not {vpcId}",
        });

    private PathAnalysis Answer(PathWalk forward, PathWalk back, string? sourceInterface, string? destinationInterface, List<string> notes) => new()
    {
        ForwardPathFound = forward.Found,
        ReturnPathFound = back.Found,
        ForwardPath = forward.Components(),
        ReturnPath = back.Components(),
        Explanations = [.. forward.Explanations, .. back.Explanations],
        SourcePorts = sourcePorts,
        SourcePortOrigin = sourcePortOrigin,
        SourceInterfaceId = sourceInterface,
        DestinationInterfaceId = destinationInterface,
        Notes = notes.Distinct().ToList(),
    };

    /// <summary>
    /// The interface itself: a detached one (<c>available</c>) is in a bad state on every path it is part of; on the forward
    /// path an address that is not its own passes only with the source/destination check off.
    /// </summary>
    private void Interface(PathWalk walk, NetworkInterfaceView eni, IPAddress address, bool sending, List<string>? notes)
    {
        walk.Hop(Topology.Ref(eni), eni.VpcId, eni.SubnetId);
        if (eni.Status == "available")
        {
            walk.Block(new Explanation
            {
                Code = "BAD_STATE",
                Component = Topology.Ref(eni),
                NetworkInterface = Topology.Ref(eni),
                Message = $"{eni.Id} is not attached",
            });
        }
        if (notes is null) return;
        if (eni.SourceDestCheck && !Topology.OwnAddresses(eni).Any(a => a.Equals(address)))
        {
            // https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html#EIP_Disable_SrcDestCheck
            walk.Block(new Explanation
            {
                Code = "ENI_SOURCE_DEST_CHECK_RESTRICTION",
                Direction = sending ? "egress" : "ingress",
                Component = Topology.Ref(eni),
                NetworkInterface = Topology.Ref(eni),
                Address = address.ToString(),
            });
        }
        var owner = view.Owners.FirstOrDefault(o => o.Id == eni.OwnerId);
        if (owner is { State: "stopped" }) notes.Add($"{owner.Id} is stopped; its interface {eni.Id} is configured and evaluated as is");
    }

    private void SecurityGroups(PathWalk walk, NetworkInterfaceView eni, bool egress, Peer peer, Packet packet)
    {
        // An interface with no groups (a NAT gateway's) is not filtered.
        if (eni.GroupIds.Count == 0) return;
        var candidates = SecurityGroupFilter.Candidates(view, eni, egress, peer, packet);
        var refused = walk.Filter(port => SecurityGroupFilter.AnyAdmits(candidates, packet, port));
        var direction = egress ? "egress" : "ingress";
        var groups = SecurityGroupFilter.GroupsOf(view, eni);
        walk.Hop((sequence, port) =>
        {
            var matched = candidates.FirstOrDefault(c => SecurityGroupFilter.Admits(c.Rule, packet, port));
            var group = matched?.Group ?? groups.FirstOrDefault();
            return new PathComponent
            {
                SequenceNumber = sequence,
                Component = group is null ? new ComponentRef("security-group", eni.GroupIds[0]) : Topology.Ref(group),
                VpcId = eni.VpcId,
                SecurityGroupRule = matched is null ? null : new MatchedSecurityGroupRule(
                    matched.Group.Id, matched.Rule.RuleId, direction, Packet.NameOf(matched.Rule.Protocol),
                    matched.Rule.Protocol is 6 or 17 ? new PortSpan(matched.Rule.FromPort ?? 0, matched.Rule.ToPort ?? 65535) : null,
                    matched.Rule.Peer.Cidr?.ToString(), matched.Rule.Peer.PrefixListId, matched.Rule.Peer.GroupId),
            };
        });
        if (refused is null) return;
        walk.Block(new Explanation
        {
            Code = SecurityGroupFilter.HasNoRules(view, eni, egress) ? "SG_HAS_NO_RULES" : "ENI_SG_RULES_MISMATCH",
            Direction = direction,
            Component = Topology.Ref(eni),
            NetworkInterface = Topology.Ref(eni),
            SecurityGroups = groups.Select(Topology.Ref).ToList(),
            Vpc = Topology.VpcRef(eni.VpcId),
            Protocol = packet.ProtocolName,
            Address = peer.ToString(),
            PortRanges = packet.HasPorts ? PathWalk.Spans(refused) : [],
        });
    }

    /// <summary>Security groups are stateful: the reply passes them with no rule (the component shows no rule).</summary>
    private void Stateful(PathWalk walk, NetworkInterfaceView eni)
    {
        foreach (var groupId in eni.GroupIds) walk.Hop(new ComponentRef("security-group", groupId), eni.VpcId);
    }

    private void Acl(PathWalk walk, NetworkInterfaceView eni, bool egress, Peer peer, Packet packet)
    {
        if (Topology.AclOf(view, eni) is not { } acl) return;
        var entries = NetworkAclFilter.EntriesFor(acl, egress, peer, packet.Ipv6);
        var refused = walk.Filter(port => NetworkAclFilter.Decide(entries, egress, packet, port).Allow);
        walk.Hop((sequence, port) => new PathComponent
        {
            SequenceNumber = sequence,
            Component = Topology.Ref(acl),
            VpcId = eni.VpcId,
            SubnetId = eni.SubnetId,
            AclRule = Matched(acl, NetworkAclFilter.Decide(entries, egress, packet, port)),
        });
        if (refused is null) return;
        var deciding = NetworkAclFilter.Decide(entries, egress, packet, refused.Min());
        walk.Block(new Explanation
        {
            Code = "SUBNET_ACL_RESTRICTION",
            Direction = egress ? "egress" : "ingress",
            Component = Topology.Ref(acl),
            Acl = Topology.Ref(acl),
            AclRule = Matched(acl, deciding),
            Subnet = Topology.SubnetRef(eni.SubnetId),
            Vpc = Topology.VpcRef(eni.VpcId),
            Protocol = packet.ProtocolName,
            Address = peer.ToString(),
            PortRanges = packet.HasPorts ? PathWalk.Spans(refused) : [],
        });
    }

    /// <summary>
    /// The route the table of <paramref name="eni"/>'s subnet picks for <paramref name="destination"/>, and what its target
    /// does with the packet. Returns the <c>UNKNOWN_DESTINATION</c> configuration explanation when the packet leaves through
    /// an active peering connection into a VPC the view does not hold.
    /// </summary>
    private Explanation? Route(PathWalk walk, NetworkInterfaceView eni, IPAddress sourceAddress, Peer destination, bool destinationInView, Packet packet)
    {
        var table = Topology.RouteTableOf(view, eni);
        if (table is null)
        {
            walk.Block(new Explanation { Code = "NO_ROUTE_TO_DESTINATION", Subnet = Topology.SubnetRef(eni.SubnetId), Address = destination.ToString() });
            return null;
        }
        var route = Routing.Lookup(view, table, destination, packet.Ipv6);
        walk.Hop((sequence, _) => new PathComponent
        {
            SequenceNumber = sequence,
            Component = Topology.Ref(table),
            VpcId = table.VpcId,
            RouteTableRoute = route is null ? null : Matched(table, route),
        });
        if (route is null)
        {
            walk.Block(RouteCode("NO_ROUTE_TO_DESTINATION", table, null, destination));
            return null;
        }
        if (route.State == RouteState.Blackhole)
        {
            walk.Block(RouteCode("BAD_STATE_ROUTE", table, route, destination));
            return null;
        }
        switch (route.TargetKind)
        {
            case RouteTargetKind.Local:
                var vpc = view.Vpcs.FirstOrDefault(v => v.Id == table.VpcId);
                if (destination.Address is null || vpc is null || !vpc.CidrBlocks.Any(c => destination.IsIn(c, packet.Ipv6)))
                    walk.Block(RouteCode("VPC_LOCAL_ROUTE_CIDR_RESTRICTION", table, route, destination));
                return null;
            case RouteTargetKind.VpcPeeringConnection:
                return Peering(walk, table, route, destination, destinationInView, packet);
            case RouteTargetKind.EgressOnlyInternetGateway when !packet.Ipv6:
                // Egress-only internet gateways carry IPv6 only: https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html
                walk.Block(RouteCode("NO_ROUTE_TO_DESTINATION", table, route, destination));
                return null;
            case RouteTargetKind.InternetGateway:
            case RouteTargetKind.EgressOnlyInternetGateway:
                var kind = route.TargetKind == RouteTargetKind.InternetGateway ? GatewayKind.InternetGateway : GatewayKind.EgressOnlyInternetGateway;
                var gateway = view.Gateways.FirstOrDefault(g => g.Id == route.TargetId && g.Kind == kind && g.VpcId == table.VpcId);
                if (gateway is null)
                {
                    // A gateway that is gone or detached leaves the route a blackhole.
                    walk.Block(RouteCode("BAD_STATE_ROUTE", table, route, destination));
                    return null;
                }
                walk.Hop(Topology.Ref(gateway), table.VpcId);
                var blocked = false;
                if (kind == GatewayKind.InternetGateway && !packet.Ipv6)
                {
                    // IPv4 leaves an internet gateway only from a public IP, and never to private or shared address space.
                    if (Topology.PublicIpOf(eni, sourceAddress) is null)
                    {
                        walk.Block(GatewayCode("IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS", gateway, new Peer(sourceAddress)));
                        blocked = true;
                    }
                    if (destination.IsRfc1918)
                    {
                        walk.Block(GatewayCode("IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS", gateway, destination));
                        blocked = true;
                    }
                    else if (destination.IsRfc6598)
                    {
                        walk.Block(GatewayCode("IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS", gateway, destination));
                        blocked = true;
                    }
                }
                // Out to the internet and back in to an interface of the view: not modelled.
                if (destinationInView && !blocked) walk.Block(GatewayCode("IGW_NAT_REFLECTION", gateway, destination));
                return null;
            default:
                walk.Block(RouteCode("UNSUPPORTED_COMPONENT", table, route, destination));
                return null;
        }
    }

    private Explanation? Peering(PathWalk walk, RouteTableView table, RouteView route, Peer destination, bool destinationInView, Packet packet)
    {
        var pcx = view.PeeringConnections.FirstOrDefault(p => p.Id == route.TargetId);
        if (pcx is null)
        {
            walk.Block(RouteCode("BAD_STATE_ROUTE", table, route, destination));
            return null;
        }
        walk.Hop(Topology.Ref(pcx), table.VpcId);
        var active = pcx.Status == "active";
        if (!active)
        {
            walk.Block(new Explanation { Code = "BAD_STATE", Component = Topology.Ref(pcx), VpcPeeringConnection = Topology.Ref(pcx), Message = $"{pcx.Id} is {pcx.Status}" });
        }
        var otherSide = pcx.Requester.VpcId == table.VpcId ? pcx.Accepter : pcx.Requester;
        if (!otherSide.CidrBlocks.Any(c => destination.IsIn(c, packet.Ipv6)))
        {
            walk.Block(new Explanation
            {
                Code = "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR",
                Component = Topology.Ref(pcx),
                VpcPeeringConnection = Topology.Ref(pcx),
                Address = destination.ToString(),
            });
            return null;
        }
        if (active && !destinationInView && view.Vpcs.All(v => v.Id != otherSide.VpcId))
        {
            return new Explanation
            {
                Code = "UNKNOWN_DESTINATION",
                Component = Topology.Ref(pcx),
                VpcPeeringConnection = Topology.Ref(pcx),
                Address = destination.ToString(),
                Message = $"{destination} is in {otherSide.VpcId} ({otherSide.OwnerId}), which the view does not hold",
            };
        }
        return null;
    }

    /// <summary>The reply to an internet host must leave through the gateway the request came in by.</summary>
    private void RouteBackToGateway(PathWalk walk, NetworkInterfaceView b, Peer host, GatewayView gateway)
    {
        var table = Topology.RouteTableOf(view, b);
        if (table is null)
        {
            walk.Block(new Explanation { Code = "NO_ROUTE_TO_DESTINATION", Subnet = Topology.SubnetRef(b.SubnetId), Address = host.ToString() });
            return;
        }
        var route = Routing.Lookup(view, table, host, Ipv6);
        walk.Hop((sequence, _) => new PathComponent
        {
            SequenceNumber = sequence,
            Component = Topology.Ref(table),
            VpcId = table.VpcId,
            RouteTableRoute = route is null ? null : Matched(table, route),
        });
        if (route is { State: RouteState.Blackhole }) walk.Block(RouteCode("BAD_STATE_ROUTE", table, route, host));
        else if (route is null || route.TargetKind != RouteTargetKind.InternetGateway || route.TargetId != gateway.Id)
            walk.Block(RouteCode("NO_ROUTE_TO_DESTINATION", table, route, host));
        else walk.Hop(Topology.Ref(gateway), table.VpcId);
    }

    private static Explanation RouteCode(string code, RouteTableView table, RouteView? route, Peer destination) => new()
    {
        Code = code,
        Component = Topology.Ref(table),
        RouteTable = Topology.Ref(table),
        RouteTableRoute = route is null ? null : Matched(table, route),
        Vpc = Topology.VpcRef(table.VpcId),
        Address = destination.ToString(),
    };

    private static Explanation GatewayCode(string code, GatewayView gateway, Peer address) => new()
    {
        Code = code,
        Component = Topology.Ref(gateway),
        InternetGateway = Topology.Ref(gateway),
        Address = address.ToString(),
    };

    private static MatchedAclEntry Matched(NetworkAclView acl, NetworkAclEntryView entry) =>
        new(acl.Id, entry.RuleNumber, entry.Egress, Packet.NameOf(entry.Protocol), entry.Cidr.ToString(), entry.Ports, entry.Allow ? "allow" : "deny");

    private static MatchedRoute Matched(RouteTableView table, RouteView route) =>
        new(table.Id, route.DestinationCidr?.ToString(), route.DestinationPrefixListId, route.TargetKind, route.TargetId,
            route.State == RouteState.Active ? "active" : "blackhole", route.Origin);

}

using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>A VPC with its blocks, its attached gateways and the VPCs it is joined to by an active peering connection.</summary>
internal sealed class CompiledVpc(VpcView view, Block[] blocks, GatewayView? internetGateway, GatewayView? egressOnlyGateway, IReadOnlyDictionary<string, CompiledPeering> activePeers)
{
    public VpcView View { get; } = view;
    public string Id => View.Id;
    public Block[] Blocks { get; } = blocks;
    public GatewayView? InternetGateway { get; } = internetGateway;
    public GatewayView? EgressOnlyGateway { get; } = egressOnlyGateway;

    /// <summary>Peer VPC id → the active connection joining them.</summary>
    public IReadOnlyDictionary<string, CompiledPeering> ActivePeers { get; } = activePeers;

    public bool Contains(in Host host)
    {
        foreach (var block in Blocks) if (block.Contains(host)) return true;
        return false;
    }
}

/// <summary>A peering connection; a side whose VPC is not in the view is known only by its CIDR blocks.</summary>
internal sealed class CompiledPeering(PeeringConnectionView view)
{
    public PeeringConnectionView View { get; } = view;
    public string Id => View.Id;
    public bool IsActive => View.Status == "active";
    private readonly Block[] _requesterBlocks = [.. view.Requester.CidrBlocks.Select(Block.Of)];
    private readonly Block[] _accepterBlocks = [.. view.Accepter.CidrBlocks.Select(Block.Of)];

    /// <summary>The side that is not <paramref name="vpcId"/>.</summary>
    public PeeringSideView OtherSide(string vpcId) => View.Requester.VpcId == vpcId ? View.Accepter : View.Requester;

    /// <summary>A peering connection only carries traffic whose destination lies in the other VPC's CIDR blocks.</summary>
    public bool OtherSideContains(string vpcId, in Host host)
    {
        var blocks = View.Requester.VpcId == vpcId ? _accepterBlocks : _requesterBlocks;
        foreach (var block in blocks) if (block.Contains(host)) return true;
        return false;
    }
}

/// <summary>A subnet with its network ACL and route table resolved once (explicit association, else the VPC's default/main).</summary>
internal sealed class CompiledSubnet(SubnetView view, CompiledVpc? vpc, CompiledAcl? acl, CompiledRouteTable? routeTable)
{
    public SubnetView View { get; } = view;
    public string Id => View.Id;
    public CompiledVpc? Vpc { get; } = vpc;
    public CompiledAcl? Acl { get; } = acl;
    public CompiledRouteTable? RouteTable { get; } = routeTable;
}

/// <summary>A private IPv4 or IPv6 address of an interface and its public or elastic IPv4 address, if any.</summary>
internal readonly record struct InterfaceAddress(Host Host, Host? PublicIp);

/// <summary>A network interface with its subnet, groups and addresses resolved (IPv4 primary first, then IPv6).</summary>
internal sealed class CompiledInterface(int index, NetworkInterfaceView view, CompiledSubnet? subnet, CompiledGroup[] groups, InterfaceAddress[] addresses, OwnerView? owner)
{
    public int Index { get; } = index;
    public NetworkInterfaceView View { get; } = view;
    public string Id => View.Id;
    public string VpcId => View.VpcId;
    public CompiledSubnet? Subnet { get; } = subnet;
    public CompiledGroup[] Groups { get; } = groups;
    public InterfaceAddress[] Addresses { get; } = addresses;
    public OwnerView? Owner { get; } = owner;

    /// <summary>Not attached: AWS cannot send or receive through it.</summary>
    public bool IsDetached => View.Status == "available";

    /// <summary>The address used when the query pins none: the primary private IPv4, or the first IPv6 address.</summary>
    public InterfaceAddress? DefaultAddress(bool ipv6)
    {
        foreach (var address in Addresses) if (address.Host.Ipv6 == ipv6) return address;
        return null;
    }

    /// <summary>One of the interface's own private addresses (a public IP is not one: README, H2-P7).</summary>
    public InterfaceAddress? Own(in Host host)
    {
        foreach (var address in Addresses) if (address.Host == host) return address;
        return null;
    }
}

using System.Net;
using System.Net.Sockets;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>Plain look-ups over the view's lists: every call scans the list it needs.</summary>
internal static class Topology
{
    public static PeeringConnectionView? ActivePeering(NetworkView view, string vpcA, string vpcB) =>
        view.PeeringConnections.FirstOrDefault(p => p.Status == "active"
            && ((p.Requester.VpcId == vpcA && p.Accepter.VpcId == vpcB) || (p.Requester.VpcId == vpcB && p.Accepter.VpcId == vpcA)));

    /// <summary>An interface's own addresses: its private IPv4 addresses (primary and secondary) and its IPv6 addresses.</summary>
    public static IEnumerable<IPAddress> OwnAddresses(NetworkInterfaceView eni) =>
        eni.PrivateIpAddresses.Select(p => p.Address).Concat(eni.Ipv6Addresses);

    public static IPAddress? DefaultAddress(NetworkInterfaceView eni, bool ipv6) => ipv6
        ? eni.Ipv6Addresses.FirstOrDefault()
        : (eni.PrivateIpAddresses.FirstOrDefault(p => p.Primary) ?? eni.PrivateIpAddresses.FirstOrDefault())?.Address;

    public static IPAddress? PublicIpOf(NetworkInterfaceView eni, IPAddress address) =>
        eni.PrivateIpAddresses.FirstOrDefault(p => p.Address.Equals(address))?.PublicIp;

    /// <summary>The subnet's explicitly associated route table, else its VPC's main table.</summary>
    public static RouteTableView? RouteTableOf(NetworkView view, NetworkInterfaceView eni) =>
        view.RouteTables.FirstOrDefault(t => t.SubnetIds.Contains(eni.SubnetId))
        ?? view.RouteTables.FirstOrDefault(t => t.VpcId == eni.VpcId && t.IsMain);

    /// <summary>The subnet's associated network ACL, else its VPC's default ACL.</summary>
    public static NetworkAclView? AclOf(NetworkView view, NetworkInterfaceView eni) =>
        view.NetworkAcls.FirstOrDefault(a => a.SubnetIds.Contains(eni.SubnetId))
        ?? view.NetworkAcls.FirstOrDefault(a => a.VpcId == eni.VpcId && a.IsDefault);

    public static bool InsideSomeVpc(NetworkView view, IPAddress address) =>
        view.Vpcs.Any(v => v.CidrBlocks.Any(c => c.Contains(ControlPlane.Domain.Networking.Cidr.Host(address))));

    public static bool IsIpv6(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6;

    public static ComponentRef Ref(NetworkInterfaceView eni) => new("network-interface", eni.Id);
    public static ComponentRef Ref(SecurityGroupView group) => new("security-group", group.Id, Name: group.Name);
    public static ComponentRef Ref(NetworkAclView acl) => new("network-acl", acl.Id);
    public static ComponentRef Ref(RouteTableView table) => new("route-table", table.Id);
    public static ComponentRef Ref(PeeringConnectionView pcx) => new("vpc-peering-connection", pcx.Id);
    public static ComponentRef Ref(GatewayView gateway) => new(gateway.Kind switch
    {
        GatewayKind.InternetGateway => "internet-gateway",
        GatewayKind.EgressOnlyInternetGateway => "egress-only-internet-gateway",
        _ => "nat-gateway",
    }, gateway.Id);
    public static ComponentRef VpcRef(string vpcId) => new("vpc", vpcId);
    public static ComponentRef SubnetRef(string subnetId) => new("subnet", subnetId);
}

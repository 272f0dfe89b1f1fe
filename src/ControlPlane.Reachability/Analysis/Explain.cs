using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Compiled;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Answers.ExplanationCodes;

namespace ControlPlane.Reachability.Analysis;

/// <summary>
/// The explanations, one factory per code, with the members AWS sets for it and a readable message. The component of
/// each follows the README (H2-P2): the interface for SG and interface codes, the ACL, the route table, the gateway or
/// the peering connection; none for DISCONNECTED_VPCS and NO_PATH.
/// </summary>
internal sealed class Explain(Refs refs)
{
    public static Explanation NoSourceOrDestination(string given) => new()
    {
        Code = ExplanationCodes.NoSourceOrDestination,
        Component = Refs.Unknown(given),
        Message = $"{given} is not in this account and region's network.",
    };

    public static Explanation UnknownAddress(string address) => new()
    {
        Code = UnknownDestination,
        Component = Refs.Unknown(address),
        Address = address,
        Message = $"No interface holds {address}, though it lies inside a VPC.",
    };

    public static Explanation NoPath(string message) => new() { Code = ExplanationCodes.NoPath, Message = message };

    public Explanation Unassociated(CompiledInterface eni, bool ipv6) => new()
    {
        Code = UnassociatedComponent,
        Component = refs.Interface(eni),
        NetworkInterface = refs.Interface(eni),
        Message = $"{eni.Id} has no {(ipv6 ? "IPv6" : "private IPv4")} address.",
    };

    public Explanation Disconnected(string sourceVpc, string destinationVpc) => new()
    {
        Code = DisconnectedVpcs,
        SourceVpc = refs.Vpc(sourceVpc),
        DestinationVpc = refs.Vpc(destinationVpc),
        Message = $"{sourceVpc} and {destinationVpc} are not joined by an active peering connection.",
    };

    public Explanation BadState(CompiledInterface eni) => new()
    {
        Code = ExplanationCodes.BadState,
        Component = refs.Interface(eni),
        NetworkInterface = refs.Interface(eni),
        Message = $"{eni.Id} is not attached (status {eni.View.Status}).",
    };

    public Explanation SourceDestCheck(CompiledInterface eni, bool egress, Host address) => new()
    {
        Code = EniSourceDestCheckRestriction,
        Direction = Direction(egress),
        Component = refs.Interface(eni),
        NetworkInterface = refs.Interface(eni),
        Address = address.ToString(),
        Message = $"{eni.Id} checks source/destination and {address} is not one of its addresses.",
    };

    public Explanation SecurityGroups(CompiledInterface eni, bool egress, Traffic traffic, PortSet refused)
    {
        var noRules = SecurityGroupDecision.HasNoRules(eni.Groups, egress);
        return new Explanation
        {
            Code = noRules ? SgHasNoRules : EniSgRulesMismatch,
            Direction = Direction(egress),
            Component = refs.Interface(eni),
            NetworkInterface = refs.Interface(eni),
            SecurityGroups = [.. eni.Groups.Select(refs.Group)],
            Vpc = refs.Vpc(eni.VpcId),
            Protocol = Traffic.Name(traffic.Protocol),
            PacketField = traffic.HasPorts ? "destination-port" : "protocol",
            Port = traffic.HasPorts && refused.ToSpans() is [var only] && only.From == only.To ? only.From : null,
            PortRanges = traffic.HasPorts ? refused.ToSpans() : [],
            Message = noRules
                ? $"The security groups of {eni.Id} have no {Direction(egress)} rules."
                : $"No {Direction(egress)} rule of {eni.Id}'s security groups admits {Describe(traffic, refused)}.",
        };
    }

    public Explanation Acl(CompiledAcl acl, CompiledSubnet subnet, bool egress, AclEntry entry, Traffic traffic, PortSet refused) => new()
    {
        Code = SubnetAclRestriction,
        Direction = Direction(egress),
        Component = refs.Acl(acl),
        Acl = refs.Acl(acl),
        AclRule = Matches.Entry(acl, entry),
        Subnet = refs.Subnet(subnet.Id),
        Vpc = refs.Vpc(subnet.View.VpcId),
        Protocol = Traffic.Name(traffic.Protocol),
        PortRanges = traffic.HasPorts ? refused.ToSpans() : [],
        Message = $"{acl.Id} {Direction(egress)} entry {(entry.View.IsDefaultDeny ? "*" : entry.View.RuleNumber)} denies {Describe(traffic, refused)}.",
    };

    public Explanation NoRoute(CompiledRouteTable? table, CompiledSubnet? subnet, Host destination, RouteView? route = null) => new()
    {
        Code = NoRouteToDestination,
        Component = table is null ? null : refs.RouteTable(table),
        RouteTable = table is null ? null : refs.RouteTable(table),
        RouteTableRoute = table is null || route is null ? null : Matches.Route(table, route),
        Subnet = subnet is null ? null : refs.Subnet(subnet.Id),
        Address = destination.ToString(),
        Message = route is null
            ? $"{table?.Id ?? $"The route table of {subnet?.Id}"} has no route to {destination}."
            : $"{table!.Id} sends {destination} to {route.TargetId}, not toward the destination.",
    };

    public Explanation RouteCode(string code, CompiledRouteTable table, RouteView route, Host destination, string message) => new()
    {
        Code = code,
        Component = refs.RouteTable(table),
        RouteTable = refs.RouteTable(table),
        RouteTableRoute = Matches.Route(table, route),
        Address = destination.ToString(),
        Message = message,
    };

    public Explanation Peering(string code, CompiledPeering peering, Host destination, string message) => new()
    {
        Code = code,
        Component = refs.Peering(peering),
        VpcPeeringConnection = refs.Peering(peering),
        Address = destination.ToString(),
        Message = message,
    };

    public Explanation Gateway(string code, GatewayView gateway, Host address, string message) => new()
    {
        Code = code,
        Component = refs.Gateway(gateway),
        InternetGateway = refs.Gateway(gateway),
        Address = address.ToString(),
        Message = message,
    };

    private static string Direction(bool egress) => egress ? "egress" : "ingress";

    private static string Describe(Traffic traffic, PortSet ports) => traffic.HasPorts
        ? $"{Traffic.Name(traffic.Protocol)} port {ports}"
        : traffic.IsIcmp ? $"{Traffic.Name(traffic.Protocol)} type {traffic.IcmpType} code {traffic.IcmpCode}" : $"protocol {Traffic.Name(traffic.Protocol)}";
}

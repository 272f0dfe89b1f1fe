using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// The checked target of CreateRoute or ReplaceRoute. The store can hold routes to internet gateways, egress-only
/// internet gateways, network interfaces, NAT gateways, instances (through their primary interface, as AWS shows
/// both) and VPC peering connections; every other kind of target cannot exist yet, so its id answers AWS's NotFound
/// for that kind. <see cref="Local"/> is ReplaceRoute's LocalTarget (back to the VPC's local route).
/// </summary>
public sealed record RouteTarget(string? GatewayId = null, string? EgressOnlyInternetGatewayId = null, string? NetworkInterfaceId = null,
    string? NatGatewayId = null, string? InstanceId = null, string? VpcPeeringConnectionId = null)
{
    public static readonly RouteTarget Local = new();

    public bool IsLocal => this == Local;

    /// <summary>Only an interface (or an instance, through its interface) may take traffic for the VPC's own addresses.</summary>
    public bool IsInterface => NetworkInterfaceId is not null || InstanceId is not null;

    public bool Matches(Route route) =>
        route.GatewayId == GatewayId && route.EgressOnlyInternetGatewayId == EgressOnlyInternetGatewayId && route.NetworkInterfaceId == NetworkInterfaceId
        && route.NatGatewayId == NatGatewayId && route.InstanceId == InstanceId && route.VpcPeeringConnectionId == VpcPeeringConnectionId
        && route.TransitGatewayId is null;

    public void ApplyTo(Route route)
    {
        route.GatewayId = GatewayId;
        route.EgressOnlyInternetGatewayId = EgressOnlyInternetGatewayId;
        route.NetworkInterfaceId = NetworkInterfaceId;
        route.NatGatewayId = NatGatewayId;
        route.InstanceId = InstanceId;
        route.VpcPeeringConnectionId = VpcPeeringConnectionId;
        route.TransitGatewayId = null;
    }
}

/// <summary>The store-side checks CreateRoute, ReplaceRoute and DeleteRoute share.</summary>
public static class RouteChanges
{
    /// <summary>The table (tracked, with its routes) and its VPC, or InvalidRouteTableID.NotFound.</summary>
    public static async Task<(RouteTable Table, Vpc Vpc)> LoadRouteTableAsync(this ControlPlaneDbContext db, string id, CancellationToken cancellationToken)
    {
        var table = await db.RouteTables.Include(t => t.Routes).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw Ec2Errors.RouteTableNotFound(id);
        var vpc = await db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks).FirstAsync(v => v.Id == table.VpcId, cancellationToken);
        return (table, vpc);
    }

    /// <summary>A prefix list destination must be a customer-managed list of this scope; its family decides IPv4 or IPv6.</summary>
    public static async Task<RouteDestination> CheckDestinationAsync(this ControlPlaneDbContext db, IRouteDestination request, CancellationToken cancellationToken)
    {
        var destination = RouteDestination.From(request);
        if (destination.PrefixListId is not { } listId) return destination;
        var family = await db.ManagedPrefixLists.AsNoTracking().Where(p => p.Id == listId).Select(p => p.AddressFamily).FirstOrDefaultAsync(cancellationToken)
            ?? throw Ec2Errors.PrefixListNotFound(listId);
        return destination with { IsIpv6 = string.Equals(family, "IPv6", StringComparison.OrdinalIgnoreCase) };
    }

    /// <summary>Whether the destination is one of the VPC's blocks (its local route), or lies inside one.</summary>
    public static (bool Equal, bool Inside) LocalMatch(Vpc vpc, RouteDestination destination)
    {
        if (destination.Block is not { } block) return (false, false);
        var blocks = RouteTableViews.LocalBlocks(vpc).ToList();
        return (blocks.Contains(block), blocks.Exists(b => b.Contains(block)));
    }

    /// <summary>
    /// The target must exist and sit in the table's VPC: an internet gateway attached to it
    /// ("route table rtb-… and network gateway igw-… belong to different networks"), an egress-only gateway of it (IPv6
    /// destinations only), an interface in it.
    /// </summary>
    public static async Task<RouteTarget> ResolveTargetAsync(this ControlPlaneDbContext db, IRouteTarget request, RouteTable table, RouteDestination destination,
        CancellationToken cancellationToken)
    {
        if (request.LocalTarget == true) return RouteTarget.Local;
        if (request.GatewayId is { } gatewayId)
        {
            // GatewayId also names virtual private gateways and the literal "local"; none of those can be a stored gateway.
            var gateway = ResourceIds.IsWellFormed(gatewayId, ResourceIds.InternetGateway)
                ? await db.InternetGateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gatewayId, cancellationToken)
                : null;
            if (gateway is null) throw Ec2Errors.RouteGatewayNotFound(gatewayId);
            if (gateway.AttachedVpcId != table.VpcId) throw Ec2Errors.RouteTargetInOtherVpc(table.Id, gatewayId);
            return new RouteTarget(GatewayId: gatewayId);
        }
        if (request.EgressOnlyInternetGatewayId is { } egressId)
        {
            var gateway = await db.EgressOnlyInternetGateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == egressId, cancellationToken)
                ?? throw Ec2Errors.EgressOnlyInternetGatewayNotFound(egressId);
            if (gateway.VpcId != table.VpcId) throw Ec2Errors.RouteTargetInOtherVpc(table.Id, egressId);
            if (!destination.IsIpv6) throw Ec2Errors.EgressOnlyRouteNeedsIpv6(egressId);
            return new RouteTarget(EgressOnlyInternetGatewayId: egressId);
        }
        if (request.NetworkInterfaceId is { } interfaceId)
        {
            var vpcId = await db.NetworkInterfaces.AsNoTracking().Where(n => n.Id == interfaceId).Select(n => n.VpcId).FirstOrDefaultAsync(cancellationToken)
                ?? throw Ec2Errors.NetworkInterfaceNotFound(interfaceId);
            if (vpcId != table.VpcId) throw Ec2Errors.RouteInterfaceInOtherVpc(table.Id, interfaceId);
            return new RouteTarget(NetworkInterfaceId: interfaceId);
        }
        if (request.NatGatewayId is { } natId)
        {
            var gateway = await db.NatGateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == natId, cancellationToken);
            if (gateway is null || gateway.State is "deleted" or "deleting" or "failed") throw Ec2Errors.RouteNatGatewayNotFound(natId);
            if (gateway.VpcId != table.VpcId) throw Ec2Errors.RouteTargetInOtherVpc(table.Id, natId);
            return new RouteTarget(NatGatewayId: natId);
        }
        if (request.InstanceId is { } instanceId)
        {
            // AWS routes to an instance through its primary interface and shows both ids on the route.
            var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is null || instance.State is "terminated" or "shutting-down") throw Ec2Errors.RouteInstanceNotFound(instanceId);
            if (instance.VpcId != table.VpcId) throw Ec2Errors.RouteTargetInOtherVpc(table.Id, instanceId);
            var primary = await db.NetworkInterfaces.AsNoTracking().Where(n => n.AttachedInstanceId == instanceId && n.DeviceIndex == 0)
                .Select(n => n.Id).FirstOrDefaultAsync(cancellationToken);
            return new RouteTarget(NetworkInterfaceId: primary, InstanceId: instanceId);
        }
        if (request.VpcPeeringConnectionId is { } peeringId) return await ResolvePeeringAsync(db, peeringId, table, cancellationToken);
        throw request switch
        {
            { TransitGatewayId: { } id } => Ec2Errors.RouteTransitGatewayNotFound(id),
            { VpcEndpointId: { } id } => Ec2Errors.RouteVpcEndpointNotFound(id),
            { LocalGatewayId: { } id } => Ec2Errors.RouteLocalGatewayNotFound(id),
            { CarrierGatewayId: { } id } => Ec2Errors.RouteCarrierGatewayNotFound(id),
            _ => Ec2Errors.RouteTargetMissing(request.LocalTarget is not null),
        };
    }

    /// <summary>
    /// A peering connection the table's VPC is a side of, seen from the caller's scope. AWS accepts a route to a
    /// connection still pending acceptance and shows it as blackhole until the connection is active; a connection
    /// that ended (deleted, rejected, failed, expired) can no longer be a target.
    /// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html
    /// </summary>
    private static async Task<RouteTarget> ResolvePeeringAsync(ControlPlaneDbContext db, string id, RouteTable table,
        CancellationToken cancellationToken)
    {
        var (account, region) = (table.AccountId, table.Region);
        var connection = await db.VpcPeeringConnections.AsNoTracking()
            .Where(p => p.Id == id && ((p.RequesterAccountId == account && p.RequesterRegion == region) || (p.AccepterAccountId == account && p.AccepterRegion == region)))
            .FirstOrDefaultAsync(cancellationToken) ?? throw Ec2Errors.RouteVpcPeeringConnectionNotFound(id);
        var ours = (connection.RequesterAccountId == account && connection.RequesterRegion == region && connection.RequesterVpcId == table.VpcId)
            || (connection.AccepterAccountId == account && connection.AccepterRegion == region && connection.AccepterVpcId == table.VpcId);
        if (!ours) throw Ec2Errors.RouteVpcPeeringConnectionInOtherVpc(table.Id, id);
        if (connection.Status is not ("active" or "pending-acceptance")) throw Ec2Errors.RouteVpcPeeringConnectionUnusable(id, connection.Status);
        return new RouteTarget(VpcPeeringConnectionId: id);
    }

    public static Route NewRoute(RouteTable table, RouteDestination destination, string origin) => new()
    {
        RouteTableId = table.Id,
        Destination = destination.Text,
        DestinationCidrBlock = destination.Block is { IsIpv6: false } ? destination.Text : null,
        DestinationIpv6CidrBlock = destination.Block is { IsIpv6: true } ? destination.Text : null,
        DestinationPrefixListId = destination.PrefixListId,
        Origin = origin,
    };
}

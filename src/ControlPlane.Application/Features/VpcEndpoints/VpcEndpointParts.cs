using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.PrefixLists;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.VpcEndpoints;

/// <summary>
/// The parts of an endpoint CreateVpcEndpoint and ModifyVpcEndpoint add and remove: an Interface endpoint's subnets (one
/// requester-managed interface in each, at most one subnet per zone) and a Gateway endpoint's route tables (a route
/// from the service's AWS-managed prefix list to the endpoint in each).
/// https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html#gateway-endpoint-routing
/// </summary>
public static class VpcEndpointParts
{
    public static async Task AddSubnetsAsync(ControlPlaneDbContext db, IIdGenerator ids, RequestContext request, ControlPlaneOptions options,
        VpcEndpoint endpoint, IReadOnlyList<string> subnetIds, IReadOnlyList<SecurityGroup> groups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = subnetIds.Distinct(StringComparer.Ordinal).Where(id => endpoint.Subnets.All(s => s.SubnetId != id)).ToList();
        if (wanted.Count == 0) return;
        var subnets = await db.Subnets.AsNoTracking().Where(s => wanted.Contains(s.Id)).ToListAsync(cancellationToken);
        Ids.RequireFound(wanted, subnets.Select(s => s.Id), Ec2Errors.SubnetsNotFound);
        if (subnets.FirstOrDefault(s => s.VpcId != endpoint.VpcId) is { } other) throw Ec2Errors.EndpointResourceInOtherVpc(other.Id, endpoint.VpcId);
        var existing = endpoint.Subnets.Select(s => s.SubnetId).ToList();
        var zones = await db.Subnets.AsNoTracking().Where(s => existing.Contains(s.Id)).Select(s => s.AvailabilityZone).ToListAsync(cancellationToken);
        foreach (var subnet in subnets.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            if (zones.Contains(subnet.AvailabilityZone)) throw Ec2Errors.DuplicateSubnetsInSameZone(subnet.AvailabilityZone);
            zones.Add(subnet.AvailabilityZone);
        }
        var spec = new ManagedInterfaces.Spec("vpc_endpoint", VpcEndpointViews.RequesterId, endpoint.Id, VpcEndpointViews.Description(endpoint.Id), SourceDestCheck: true);
        foreach (var subnet in subnets)
        {
            var eni = await ManagedInterfaces.CreateAsync(db, ids, request, options, subnet, spec, null, groups, now, cancellationToken);
            endpoint.Subnets.Add(new VpcEndpointSubnet { VpcEndpointId = endpoint.Id, SubnetId = subnet.Id, NetworkInterfaceId = eni.Id });
        }
    }

    public static async Task RemoveSubnetsAsync(ControlPlaneDbContext db, TagStore tags, VpcEndpoint endpoint, IReadOnlyList<string> subnetIds,
        CancellationToken cancellationToken)
    {
        foreach (var part in endpoint.Subnets.Where(s => subnetIds.Contains(s.SubnetId)).ToList())
        {
            if (part.NetworkInterfaceId is { } eniId) await ManagedInterfaces.DeleteAsync(db, tags, eniId, cancellationToken);
            endpoint.Subnets.Remove(part);
            db.VpcEndpointSubnets.Remove(part);
        }
    }

    public static async Task AddRouteTablesAsync(ControlPlaneDbContext db, RequestContext request, ControlPlaneOptions options, VpcEndpoint endpoint,
        IReadOnlyList<string> routeTableIds, CancellationToken cancellationToken)
    {
        var wanted = routeTableIds.Distinct(StringComparer.Ordinal).Where(id => endpoint.RouteTables.All(r => r.RouteTableId != id)).ToList();
        if (wanted.Count == 0) return;
        var tables = await db.RouteTables.AsNoTracking().Where(t => wanted.Contains(t.Id)).ToListAsync(cancellationToken);
        Ids.RequireFound(wanted, tables.Select(t => t.Id), Ec2Errors.RouteTablesNotFound);
        if (tables.FirstOrDefault(t => t.VpcId != endpoint.VpcId) is { } other) throw Ec2Errors.EndpointResourceInOtherVpc(other.Id, endpoint.VpcId);
        var prefixList = AwsManagedPrefixLists.Of(request.Region).First(l => l.GatewayEndpoint && l.Name == endpoint.ServiceName);
        foreach (var table in tables)
        {
            var tableId = table.Id;
            if (await db.Routes.AnyAsync(r => r.RouteTableId == tableId && r.Destination == prefixList.Id, cancellationToken))
                throw Ec2Errors.RouteAlreadyExists(prefixList.Id);
            if (await db.Routes.CountAsync(r => r.RouteTableId == tableId, cancellationToken) >= options.Quotas.RoutesPerRouteTable)
                throw Ec2Errors.RouteLimitExceeded(tableId);
            db.Routes.Add(new Route
            {
                RouteTableId = tableId, Destination = prefixList.Id, DestinationPrefixListId = prefixList.Id, GatewayId = endpoint.Id, Origin = "CreateRoute",
            });
            endpoint.RouteTables.Add(new VpcEndpointRouteTable { VpcEndpointId = endpoint.Id, RouteTableId = tableId });
        }
    }

    public static async Task RemoveRouteTablesAsync(ControlPlaneDbContext db, VpcEndpoint endpoint, IReadOnlyList<string> routeTableIds,
        CancellationToken cancellationToken)
    {
        var id = endpoint.Id;
        foreach (var part in endpoint.RouteTables.Where(r => routeTableIds.Contains(r.RouteTableId)).ToList())
        {
            var tableId = part.RouteTableId;
            await db.Routes.Where(r => r.RouteTableId == tableId && r.GatewayId == id).ExecuteDeleteAsync(cancellationToken);
            endpoint.RouteTables.Remove(part);
            db.VpcEndpointRouteTables.Remove(part);
        }
    }
}

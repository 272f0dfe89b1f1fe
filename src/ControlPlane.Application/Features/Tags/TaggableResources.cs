using ControlPlane.Application.Features.VpcPeering;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Tags;

/// <summary>
/// What a resource id names: its DescribeTags resource type, and whether it exists in the scope. CreateTags and
/// DeleteTags refuse ids of resources that do not exist with that resource's NotFound error, as AWS does. A peering
/// connection belongs to two scopes: either side may tag it (each side's tags are its own), nobody else.
/// </summary>
public sealed class TaggableResources(ControlPlaneDbContext db, RequestContext request, TimeProvider time)
{
    private sealed record Kind(string Prefix, string ResourceType, Func<ControlPlaneDbContext, string, CancellationToken, Task<bool>> Exists, Func<string, AwsException> NotFound);

    /// <summary>The kinds whose existence depends on the caller beyond the scope filter.</summary>
    private Kind[] RequestKinds() =>
    [
        new(ResourceIds.VpcPeeringConnection, VpcPeeringConnections.ResourceType, async (db, id, ct) =>
            await db.VpcPeeringConnections.AsNoTracking().VisibleTo(request).FirstOrDefaultAsync(p => p.Id == id, ct) is { } connection
            && connection.IsVisibleAt(time.GetUtcNow()), Ec2Errors.VpcPeeringConnectionNotFound),
    ];

    private static readonly Kind[] Kinds =
    [
        new(ResourceIds.Vpc, "vpc", (db, id, ct) => db.Vpcs.AnyAsync(x => x.Id == id, ct), Ec2Errors.VpcNotFound),
        new(ResourceIds.Subnet, "subnet", (db, id, ct) => db.Subnets.AnyAsync(x => x.Id == id, ct), Ec2Errors.SubnetNotFound),
        new(ResourceIds.SecurityGroup, "security-group", (db, id, ct) => db.SecurityGroups.AnyAsync(x => x.Id == id, ct), Ec2Errors.SecurityGroupNotFound),
        new(ResourceIds.SecurityGroupRule, "security-group-rule", (db, id, ct) => db.SecurityGroupRules.AnyAsync(x => x.Id == id, ct), Ec2Errors.SecurityGroupRuleNotFound),
        new(ResourceIds.NetworkAcl, "network-acl", (db, id, ct) => db.NetworkAcls.AnyAsync(x => x.Id == id, ct), Ec2Errors.NetworkAclNotFound),
        new(ResourceIds.RouteTable, "route-table", (db, id, ct) => db.RouteTables.AnyAsync(x => x.Id == id, ct), Ec2Errors.RouteTableNotFound),
        new(ResourceIds.InternetGateway, "internet-gateway", (db, id, ct) => db.InternetGateways.AnyAsync(x => x.Id == id, ct), Ec2Errors.InternetGatewayNotFound),
        new(ResourceIds.NetworkInterface, "network-interface", (db, id, ct) => db.NetworkInterfaces.AnyAsync(x => x.Id == id, ct), Ec2Errors.NetworkInterfaceNotFound),
        new(ResourceIds.EgressOnlyInternetGateway, "egress-only-internet-gateway", (db, id, ct) => db.EgressOnlyInternetGateways.AnyAsync(x => x.Id == id, ct),
            Ec2Errors.EgressOnlyInternetGatewayNotFound),
        new(ResourceIds.ElasticIpAllocation, "elastic-ip", (db, id, ct) => db.ElasticIps.AnyAsync(x => x.Id == id, ct), Ec2Errors.AllocationNotFound),
        new(ResourceIds.NatGateway, "natgateway", (db, id, ct) => db.NatGateways.AnyAsync(x => x.Id == id, ct), Ec2Errors.NatGatewayNotFound),
        new(ResourceIds.VpcEndpoint, "vpc-endpoint", (db, id, ct) => db.VpcEndpoints.AnyAsync(x => x.Id == id, ct), Ec2Errors.VpcEndpointNotFound),
        new(ResourceIds.Instance, "instance", (db, id, ct) => db.Instances.AnyAsync(x => x.Id == id, ct), Ec2Errors.InstanceNotFound),
        new(ResourceIds.PrefixList, "prefix-list", (db, id, ct) => db.ManagedPrefixLists.AnyAsync(x => x.Id == id, ct), Ec2Errors.PrefixListNotFound),
        new(ResourceIds.NetworkInsightsPath, "network-insights-path", (db, id, ct) => db.NetworkInsightsPaths.AnyAsync(x => x.Id == id, ct),
            Ec2Errors.NetworkInsightsPathNotFound),
        new(ResourceIds.NetworkInsightsAnalysis, "network-insights-analysis", (db, id, ct) => db.NetworkInsightsAnalyses.AnyAsync(x => x.Id == id, ct),
            Ec2Errors.NetworkInsightsAnalysisNotFound),
    ];

    /// <summary>The resource type of an existing resource; throws the resource's NotFound, or InvalidID for an id of no known kind.</summary>
    public async Task<string> ResolveAsync(string id, CancellationToken cancellationToken)
    {
        var kind = Kinds.Concat(RequestKinds()).FirstOrDefault(k => ResourceIds.IsWellFormed(id, k.Prefix)) ?? throw Ec2Errors.InvalidResourceId(id);
        if (!await kind.Exists(db, id, cancellationToken)) throw kind.NotFound(id);
        return kind.ResourceType;
    }

    public static IEnumerable<string> ResourceTypes => Kinds.Select(k => k.ResourceType).Append(VpcPeeringConnections.ResourceType);
}

using System.Security.Cryptography;
using System.Text;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.VpcEndpoints;

public sealed record DnsEntryShape(string DnsName, string HostedZoneId);

public sealed record SecurityGroupIdentifierShape(string GroupId, string? GroupName);

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html</summary>
public sealed record VpcEndpointShape(
    DateTimeOffset CreationTimestamp,
    IReadOnlyList<DnsEntryShape> DnsEntries,
    IReadOnlyList<SecurityGroupIdentifierShape> Groups,
    string IpAddressType,
    IReadOnlyList<string> NetworkInterfaceIds,
    string OwnerId,
    string? PolicyDocument,
    bool PrivateDnsEnabled,
    bool RequesterManaged,
    IReadOnlyList<string> RouteTableIds,
    string ServiceName,
    string State,
    IReadOnlyList<string> SubnetIds,
    IReadOnlyList<Shape.Tag> Tags,
    string VpcEndpointId,
    string VpcEndpointType,
    string VpcId);

/// <summary>How a VPC endpoint reads on the wire, and the DescribeVpcEndpoints filter table.</summary>
public static class VpcEndpointViews
{
    public const string IdPrefix = ResourceIds.VpcEndpoint;
    public const string ResourceType = "vpc-endpoint";

    /// <summary>The AWS account the EC2 user guide shows as RequesterId of an interface endpoint's interfaces.</summary>
    public const string RequesterId = "727180483921";

    /// <summary>The Route 53 hosted zone AWS uses for <c>vpce.amazonaws.com</c> names in us-east-1; the emulator uses it everywhere.</summary>
    public const string HostedZoneId = "Z7HUB22UULQXV";

    /// <summary>
    /// <paramref name="RouteTableIds"/> leaves out tables deleted since: DeleteRouteTable removes the route, and the
    /// endpoint no longer lists the table, as AWS shows it.
    /// </summary>
    public sealed record Row(VpcEndpoint Endpoint, IReadOnlyList<Shape.Tag> Tags, IReadOnlyList<SecurityGroupIdentifierShape> Groups,
        IReadOnlyDictionary<string, string> SubnetZones, IReadOnlyList<string> RouteTableIds);

    public static string Description(string id) => $"VPC Endpoint Interface {id}";

    public static VpcEndpointShape ToShape(Row row)
    {
        var e = row.Endpoint;
        var subnets = e.Subnets.OrderBy(s => s.SubnetId, StringComparer.Ordinal).ToList();
        return new VpcEndpointShape(e.CreationTimestamp, DnsEntries(row), row.Groups, e.IpAddressType,
            subnets.Select(s => s.NetworkInterfaceId).OfType<string>().ToList(), e.AccountId, e.PolicyDocument, e.PrivateDnsEnabled,
            RequesterManaged: false, row.RouteTableIds, e.ServiceName, e.State,
            subnets.Select(s => s.SubnetId).ToList(), row.Tags, e.Id, e.VpcEndpointType, e.VpcId);
    }

    /// <summary>
    /// An interface endpoint's names: a regional one and one per zone, as
    /// <c>vpce-…-abcd1234.ec2.us-east-1.vpce.amazonaws.com</c> (the zonal ones add the zone after the suffix).
    /// </summary>
    private static IReadOnlyList<DnsEntryShape> DnsEntries(Row row)
    {
        var e = row.Endpoint;
        if (e.VpcEndpointType != VpcEndpointServices.Interface) return [];
        var service = VpcEndpointServices.ShortName(e.Region, e.ServiceName) ?? e.ServiceName;
        var suffix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.Id)).AsSpan(0, 4));
        var host = $"{e.Id}-{suffix}";
        var domain = $"{service}.{e.Region}.vpce.amazonaws.com";
        var zones = e.Subnets.Select(s => row.SubnetZones.GetValueOrDefault(s.SubnetId)).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        return [new($"{host}.{domain}", HostedZoneId), .. zones.Select(z => new DnsEntryShape($"{host}-{z}.{domain}", HostedZoneId))];
    }

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["ip-address-type"] = r => FilterValues.One(r.Endpoint.IpAddressType),
        ["service-name"] = r => FilterValues.One(r.Endpoint.ServiceName),
        ["vpc-id"] = r => FilterValues.One(r.Endpoint.VpcId),
        ["vpc-endpoint-id"] = r => FilterValues.One(r.Endpoint.Id),
        ["vpc-endpoint-state"] = r => FilterValues.One(r.Endpoint.State),
        ["vpc-endpoint-type"] = r => FilterValues.One(r.Endpoint.VpcEndpointType),
    }, r => r.Tags);

    /// <summary>Endpoints with their subnets and route tables, read-only.</summary>
    public static IQueryable<VpcEndpoint> WithParts(this IQueryable<VpcEndpoint> query) =>
        query.Include(e => e.Subnets).Include(e => e.RouteTables).AsSplitQuery();

    /// <summary>The rows of <paramref name="endpoints"/>: an endpoint's groups are those of its interfaces (the first one's order).</summary>
    public static async Task<List<Row>> RowsAsync(ControlPlaneDbContext db, Func<string, IReadOnlyList<Shape.Tag>> tagsOf, IReadOnlyList<VpcEndpoint> endpoints,
        CancellationToken cancellationToken)
    {
        var eniIds = endpoints.SelectMany(e => e.Subnets).Select(s => s.NetworkInterfaceId).OfType<string>().ToList();
        var memberships = await db.NetworkInterfaceGroups.AsNoTracking().Where(g => eniIds.Contains(g.NetworkInterfaceId)).ToListAsync(cancellationToken);
        var groupIds = memberships.Select(m => m.GroupId).Distinct().ToList();
        var names = await db.SecurityGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.GroupName, cancellationToken);
        var subnetIds = endpoints.SelectMany(e => e.Subnets).Select(s => s.SubnetId).Distinct().ToList();
        var zones = await db.Subnets.AsNoTracking().Where(s => subnetIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AvailabilityZone, cancellationToken);
        var tableIds = endpoints.SelectMany(e => e.RouteTables).Select(r => r.RouteTableId).Distinct().ToList();
        var tables = (await db.RouteTables.AsNoTracking().Where(t => tableIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return endpoints.Select(e =>
        {
            var first = e.Subnets.OrderBy(s => s.SubnetId, StringComparer.Ordinal).Select(s => s.NetworkInterfaceId).OfType<string>().FirstOrDefault();
            var groups = memberships.Where(m => m.NetworkInterfaceId == first).OrderBy(m => m.Position)
                .Select(m => new SecurityGroupIdentifierShape(m.GroupId, names.GetValueOrDefault(m.GroupId))).ToList();
            return new Row(e, tagsOf(e.Id), groups, zones,
                e.RouteTables.Select(r => r.RouteTableId).Where(tables.Contains).Order(StringComparer.Ordinal).ToList());
        }).ToList();
    }
}

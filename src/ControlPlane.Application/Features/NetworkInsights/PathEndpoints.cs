using ControlPlane.Application.Features.VpcPeering;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;
using ControlPlane.Reachability.Queries;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>
/// What a path's Source or Destination may name, by id or by ARN (<c>arn:aws:ec2:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;/&lt;id&gt;</c>):
/// the Reachability Analyzer's source and destination types. Instances, network interfaces, internet gateways, NAT
/// gateways and VPC endpoints are evaluated; a VPC peering connection exists here but as an end of a path it is
/// answered UNSUPPORTED_COMPONENT; transit gateways, their attachments, virtual private gateways and endpoint services
/// are kinds AWS takes that the emulator has none of, so they are never found. Other services' resources (load
/// balancers, databases, caches, functions, tasks, clusters, brokers) are named by their ARN.
/// https://docs.aws.amazon.com/vpc/latest/reachability/how-reachability-analyzer-works.html#source-and-destination-resources
/// </summary>
public static class PathEndpoints
{
    public enum Kind { Instance, NetworkInterface, InternetGateway, NatGateway, VpcEndpoint, VpcPeeringConnection, ServiceResource, NotEmulated }

    /// <summary>
    /// Another service's resource by ARN (a load balancer, DB instance or cluster, cache, function, task, EKS cluster,
    /// broker): evaluated for its interfaces, as the REST questions take it.
    /// </summary>
    private static readonly KindInfo Service = new("", "service", Kind.ServiceResource);

    /// <summary>An id prefix, the ARN resource type, and what it is.</summary>
    private sealed record KindInfo(string Prefix, string ArnType, Kind Kind);

    private static readonly KindInfo[] Kinds =
    [
        new(ResourceIds.Instance, "instance", Kind.Instance),
        new(ResourceIds.NetworkInterface, "network-interface", Kind.NetworkInterface),
        new(ResourceIds.InternetGateway, "internet-gateway", Kind.InternetGateway),
        new(ResourceIds.NatGateway, "natgateway", Kind.NatGateway),
        new(ResourceIds.VpcEndpoint, "vpc-endpoint", Kind.VpcEndpoint),
        new(ResourceIds.VpcPeeringConnection, "vpc-peering-connection", Kind.VpcPeeringConnection),
        new("tgw", "transit-gateway", Kind.NotEmulated),
        new("tgw-attach", "transit-gateway-attachment", Kind.NotEmulated),
        new("vgw", "vpn-gateway", Kind.NotEmulated),
        new("vpce-svc", "vpc-endpoint-service", Kind.NotEmulated),
    ];

    /// <summary>A resolved end: its id, its ARN, and what it is.</summary>
    public sealed record Resolved(string Id, string Arn, Kind Kind);

    /// <summary>The id or ARN as a reference, or null when it names no kind of resource a path can start or end at.</summary>
    private static (KindInfo Info, string Id, string? Account, string? Region)? Parse(string value)
    {
        if (value.StartsWith("arn:", StringComparison.Ordinal))
        {
            // arn:<partition>:ec2:<region>:<account>:<type>/<id>
            var parts = value.Split(':', 6);
            if (parts.Length == 6 && parts[2] != "ec2" && parts[2].Length > 0 && parts[5].Length > 0) return (Service, value, parts[4], parts[3]);
            if (parts.Length != 6 || parts[2] != "ec2" || parts[5].Split('/') is not [var type, var id]) return null;
            var info = Kinds.FirstOrDefault(k => k.ArnType == type && ResourceIds.IsWellFormed(id, k.Prefix));
            return info is null ? null : (info, id, parts[4], parts[3]);
        }
        var byId = Kinds.Where(k => ResourceIds.IsWellFormed(value, k.Prefix)).MaxBy(k => k.Prefix.Length);
        return byId is null ? null : (byId, value, null, null);
    }

    /// <summary>Whether <paramref name="value"/> has the form of an end a path can have (the existence is checked by <see cref="ResolveAsync"/>).</summary>
    public static bool IsSupported(string value) => Parse(value) is not null;

    /// <summary>The end <paramref name="value"/> names, if it exists in the caller's account and region (null otherwise).</summary>
    public static async Task<Resolved?> ResolveAsync(this ControlPlaneDbContext db, RequestContext request, string value, CancellationToken cancellationToken)
    {
        if (Parse(value) is not var (info, id, account, region)) return null;
        if (account is not null && (account != request.AccountId || region != request.Region)) return null;
        var exists = info.Kind switch
        {
            Kind.Instance => await db.Instances.AnyAsync(i => i.Id == id, cancellationToken),
            Kind.NetworkInterface => await db.NetworkInterfaces.AnyAsync(n => n.Id == id, cancellationToken),
            Kind.InternetGateway => await db.InternetGateways.AnyAsync(g => g.Id == id, cancellationToken),
            Kind.NatGateway => await db.NatGateways.AnyAsync(g => g.Id == id && g.State != "deleted", cancellationToken),
            Kind.VpcEndpoint => await db.VpcEndpoints.AnyAsync(e => e.Id == id, cancellationToken),
            Kind.VpcPeeringConnection => await db.VpcPeeringConnections.VisibleTo(request).AnyAsync(p => p.Id == id, cancellationToken),
            Kind.ServiceResource => await db.ServiceResources.AnyAsync(r => r.Arn == id, cancellationToken),
            _ => false,
        };
        if (!exists) return null;
        return info.Kind == Kind.ServiceResource ? new Resolved(id, id, info.Kind) : new Resolved(id, request.Arn(info.ArnType, id), info.Kind);
    }

    /// <summary>
    /// The evaluator's endpoint for a stored end (its id): an interface, the internet through the named gateway, or a
    /// resource whose interfaces are the candidates. Null for a kind the evaluator does not take (a peering connection).
    /// </summary>
    public static Endpoint? ToEndpoint(string id) => Parse(id)?.Info.Kind switch
    {
        Kind.NetworkInterface => new Endpoint.Interface(id),
        Kind.InternetGateway => new Endpoint.Internet(id),
        Kind.Instance or Kind.NatGateway or Kind.VpcEndpoint or Kind.ServiceResource => new Endpoint.Resource(id),
        _ => null,
    };

    /// <summary>The AnalysisComponent type of an end the evaluator does not take, for its UNSUPPORTED_COMPONENT explanation.</summary>
    public static string ComponentType(string id) => Parse(id)?.Info.ArnType ?? "unknown";
}

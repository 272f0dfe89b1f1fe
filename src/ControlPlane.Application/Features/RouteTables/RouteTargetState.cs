using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Whether the targets of stored routes still exist where the routes need them, read when the routes are shown. AWS
/// keeps a route whose target went away and shows it as <c>blackhole</c> ("the specified gateway isn't attached to the
/// VPC, the specified NAT instance has been terminated, and so on"): an internet gateway detached from the table's
/// VPC or deleted, a deleted Gateway endpoint, a deleted egress-only gateway, a deleted network interface, a deleted NAT gateway, a terminated
/// instance, a peering connection that is not (or no longer) active. Computing it on read keeps it right
/// whichever action removed the target.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRouteTables.html (filter <c>route.state</c>)
/// </summary>
public sealed class RouteTargetState
{
    public const string Active = "active";
    public const string Blackhole = "blackhole";

    /// <summary>For tables without stored routes (a new table shows only its local routes).</summary>
    public static readonly RouteTargetState None = new(new Dictionary<string, string?>(), new HashSet<string>(), new Dictionary<string, string?>(),
        new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    private readonly IReadOnlyDictionary<string, string?> _internetGatewayVpcs;
    private readonly IReadOnlySet<string> _egressOnlyGateways;
    private readonly IReadOnlyDictionary<string, string?> _interfaceInstances;
    private readonly IReadOnlySet<string> _liveNatGateways;
    private readonly IReadOnlySet<string> _liveInstances;
    private readonly IReadOnlySet<string> _activePeerings;

    private RouteTargetState(IReadOnlyDictionary<string, string?> internetGatewayVpcs, IReadOnlySet<string> egressOnlyGateways,
        IReadOnlyDictionary<string, string?> interfaceInstances, IReadOnlySet<string> liveNatGateways, IReadOnlySet<string> liveInstances,
        IReadOnlySet<string> activePeerings)
    {
        _internetGatewayVpcs = internetGatewayVpcs;
        _egressOnlyGateways = egressOnlyGateways;
        _interfaceInstances = interfaceInstances;
        _liveNatGateways = liveNatGateways;
        _liveInstances = liveInstances;
        _activePeerings = activePeerings;
    }

    /// <summary>Loads the targets the routes of <paramref name="tables"/> name, and nothing else.</summary>
    public static async Task<RouteTargetState> LoadAsync(ControlPlaneDbContext db, IEnumerable<RouteTable> tables, CancellationToken cancellationToken)
    {
        var routes = tables.SelectMany(t => t.Routes).ToList();
        if (routes.Count == 0) return None;
        var gatewayIds = routes.Select(r => r.GatewayId).OfType<string>().Distinct().ToList();
        var egressIds = routes.Select(r => r.EgressOnlyInternetGatewayId).OfType<string>().Distinct().ToList();
        var interfaceIds = routes.Select(r => r.NetworkInterfaceId).OfType<string>().Distinct().ToList();
        // A GatewayId names an internet gateway (present while attached to the table's VPC) or a Gateway endpoint (present while it exists).
        var gateways = await db.InternetGateways.AsNoTracking().Where(g => gatewayIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.AttachedVpcId, cancellationToken);
        foreach (var endpoint in await db.VpcEndpoints.AsNoTracking().Where(e => gatewayIds.Contains(e.Id)).Select(e => new { e.Id, e.VpcId }).ToListAsync(cancellationToken))
        {
            gateways[endpoint.Id] = endpoint.VpcId;
        }
        var egress = await db.EgressOnlyInternetGateways.AsNoTracking().Where(g => egressIds.Contains(g.Id)).Select(g => g.Id).ToListAsync(cancellationToken);
        var interfaces = await db.NetworkInterfaces.AsNoTracking().Where(n => interfaceIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.AttachedInstanceId, cancellationToken);
        var natIds = routes.Select(r => r.NatGatewayId).OfType<string>().Distinct().ToList();
        var instanceIds = routes.Select(r => r.InstanceId).OfType<string>().Distinct().ToList();
        var peeringIds = routes.Select(r => r.VpcPeeringConnectionId).OfType<string>().Distinct().ToList();
        var nats = natIds.Count == 0 ? [] : await db.NatGateways.AsNoTracking()
            .Where(g => natIds.Contains(g.Id) && g.State != "deleted" && g.State != "deleting" && g.State != "failed").Select(g => g.Id).ToListAsync(cancellationToken);
        var instances = instanceIds.Count == 0 ? [] : await db.Instances.AsNoTracking()
            .Where(i => instanceIds.Contains(i.Id) && i.State != "terminated" && i.State != "shutting-down").Select(i => i.Id).ToListAsync(cancellationToken);
        // Peering connections are not scoped rows; a route names one the table's scope is a side of, so reading by id is enough.
        var peerings = peeringIds.Count == 0 ? [] : await db.VpcPeeringConnections.AsNoTracking()
            .Where(p => peeringIds.Contains(p.Id) && p.Status == "active").Select(p => p.Id).ToListAsync(cancellationToken);
        return new RouteTargetState(gateways, egress.ToHashSet(StringComparer.Ordinal), interfaces,
            nats.ToHashSet(StringComparer.Ordinal), instances.ToHashSet(StringComparer.Ordinal), peerings.ToHashSet(StringComparer.Ordinal));
    }

    public string StateOf(Route route, string vpcId) => IsActive(route, vpcId) ? Active : Blackhole;

    /// <summary>A route to an interface attached to an instance shows that instance too, as AWS does.</summary>
    public string? InstanceOf(Route route) =>
        route.InstanceId ?? (route.NetworkInterfaceId is { } id ? _interfaceInstances.GetValueOrDefault(id) : null);

    private bool IsActive(Route route, string vpcId) => route switch
    {
        { InstanceId: { } id } => _liveInstances.Contains(id),
        { NatGatewayId: { } id } => _liveNatGateways.Contains(id),
        { VpcPeeringConnectionId: { } id } => _activePeerings.Contains(id),
        { GatewayId: { } id } => _internetGatewayVpcs.TryGetValue(id, out var attachedTo) && attachedTo == vpcId,
        { EgressOnlyInternetGatewayId: { } id } => _egressOnlyGateways.Contains(id),
        { NetworkInterfaceId: { } id } => _interfaceInstances.ContainsKey(id),
        _ => false,
    };
}

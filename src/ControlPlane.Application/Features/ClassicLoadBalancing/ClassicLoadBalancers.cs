using ControlPlane.Application.Features.LoadBalancing;
using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// How the Classic Load Balancer API names, stores and shows its load balancers, and the interface it places in each
/// subnet: <c>interface</c>, requester-managed by <c>amazon-elb</c>, described <c>ELB &lt;name&gt;</c>, attached
/// <c>eni-attach-…</c> by <c>amazon-elb</c> (reference §5).
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_LoadBalancerDescription.html
/// </summary>
public static class ClassicLoadBalancers
{
    public const string Service = "elb";
    public const string Kind = "loadbalancer";

    public static readonly string[] Protocols = ["HTTP", "HTTPS", "TCP", "SSL"];

    public static string Arn(ServiceResourceStore store, string name) => store.Arn(LoadBalancers.ArnService, $"loadbalancer/{name}");

    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string name, CancellationToken cancellationToken) =>
        await store.FindAsync(Service, Kind, name, cancellationToken) ?? throw ClassicElbErrors.LoadBalancerNotFound(name);

    public static ManagedInterfaces.Spec InterfaceSpec(string name) =>
        new("interface", LoadBalancers.RequesterId, "", $"ELB {name}", SourceDestCheck: true)
        {
            AttachmentPrefix = "eni-attach", AttachmentOwner = LoadBalancers.RequesterId, DeleteOnTermination = false,
        };

    /// <summary>An interface in each subnet, with a public address when the load balancer is internet-facing.</summary>
    public static async Task AddInterfacesAsync(ServiceNetwork network, string arn, string name, ClassicLoadBalancerDocument document,
        IEnumerable<Subnet> subnets, IReadOnlyList<SecurityGroup> groups, CancellationToken cancellationToken)
    {
        foreach (var subnet in subnets)
        {
            var eni = await network.AddInterfaceAsync(arn, InterfaceSpec(name), subnet, groups, cancellationToken);
            if (document.Scheme == LoadBalancers.InternetFacing) await network.AssignPublicIpAsync(eni, LoadBalancers.RequesterId, cancellationToken);
        }
    }

    /// <summary>The subnets, each in the load balancer's VPC, one per Availability Zone together with <paramref name="kept"/>.</summary>
    public static async Task<IReadOnlyList<Subnet>> SubnetsAsync(ServiceNetwork network, IEnumerable<string> subnetIds, string? vpcId,
        IReadOnlyCollection<Subnet> kept, CancellationToken cancellationToken)
    {
        var subnets = await network.SubnetsAsync(subnetIds, ClassicElbErrors.SubnetNotFound, ClassicElbErrors.SubnetsInDifferentVpcs, cancellationToken);
        if (vpcId is not null && subnets.FirstOrDefault(s => s.VpcId != vpcId) is { } stranger) throw ClassicElbErrors.SubnetOtherVpc(stranger.Id);
        var all = kept.Concat(subnets.Where(s => kept.All(k => k.Id != s.Id))).ToList();
        if (all.GroupBy(s => s.AvailabilityZone).Any(g => g.Count() > 1)) throw ClassicElbErrors.OneSubnetPerZone();
        return subnets;
    }

    public static async Task<List<LoadBalancerDescription>> ToShapesAsync(ControlPlaneDbContext db, ServiceResourceStore store,
        IReadOnlyList<ServiceResource> rows, CancellationToken cancellationToken)
    {
        var documents = rows.Select(ServiceResourceStore.Read<ClassicLoadBalancerDocument>).ToList();
        var subnetIds = documents.SelectMany(d => d.SubnetIds).Distinct().ToList();
        var zones = await db.Subnets.AsNoTracking().Where(s => subnetIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AvailabilityZone, cancellationToken);
        var groupIds = documents.SelectMany(d => d.SecurityGroupIds).Distinct().ToList();
        var groupNames = await db.SecurityGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.GroupName, cancellationToken);
        return rows.Select((row, i) =>
        {
            var document = documents[i];
            var source = document.SecurityGroupIds.Count > 0 && groupNames.TryGetValue(document.SecurityGroupIds[0], out var groupName)
                ? new SourceSecurityGroup(store.AccountId, groupName) : null;
            return new LoadBalancerDescription(row.Name, document.DnsName, document.Scheme == LoadBalancers.Internal ? null : document.DnsName,
                document.CanonicalHostedZoneNameId,
                document.Listeners.Select(l => new ListenerDescription(new Listener(l.Protocol, l.LoadBalancerPort, l.InstanceProtocol, l.InstancePort, l.SslCertificateId), [])).ToList(),
                new Policies([], [], []), [], document.SubnetIds.Select(s => zones.GetValueOrDefault(s, "")).Distinct().Order(StringComparer.Ordinal).ToList(),
                document.SubnetIds, row.VpcId!, document.Instances.Select(id => new Instance(id)).ToList(), document.HealthCheck, source,
                document.SecurityGroupIds, row.CreatedAt, document.Scheme);
        }).ToList();
    }
}

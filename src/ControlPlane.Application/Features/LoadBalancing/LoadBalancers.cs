using System.Globalization;
using System.Text;
using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// How ELB v2 names, stores and shows its load balancers: ARNs, DNS names, hosted zones, the interfaces each type places
/// in its subnets (reference §5), and the answers' shapes.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancer.html
/// </summary>
public static class LoadBalancers
{
    public const string Service = "elbv2";
    public const string ArnService = "elasticloadbalancing";
    public const string Kind = "loadbalancer";
    public const string RequesterId = "amazon-elb";

    public const string Application = "application";
    public const string Network = "network";
    public const string Gateway = "gateway";
    public const string InternetFacing = "internet-facing";
    public const string Internal = "internal";

    /// <summary>The 16 lowercase hex digits that end ELB ARNs.</summary>
    public static string NewHexId(IIdGenerator ids) => ids.NewId("x")[2..18];

    /// <summary><c>app</c>, <c>net</c> or <c>gwy</c>: the ARN's and the interface description's type segment.</summary>
    public static string TypeSegment(string type) => type switch { Network => "net", Gateway => "gwy", _ => "app" };

    public static string Arn(ServiceResourceStore store, string type, string name, string id) =>
        store.Arn(ArnService, $"loadbalancer/{TypeSegment(type)}/{name}/{id}");

    /// <summary>
    /// ALBs answer <c>&lt;name&gt;-&lt;digits&gt;.&lt;region&gt;.elb.amazonaws.com</c>, NLBs and GWLBs
    /// <c>&lt;name&gt;-&lt;hex&gt;.elb.&lt;region&gt;.amazonaws.com</c>; internal ALBs and NLBs start with <c>internal-</c>.
    /// </summary>
    public static string DnsName(string type, string scheme, string name, string id, string region)
    {
        var prefix = scheme == Internal && type != Gateway ? "internal-" : "";
        if (type != Application) return $"{prefix}{name}-{id}.elb.{region}.amazonaws.com";
        var digits = (ulong.Parse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 9_000_000_000UL + 1_000_000_000UL).ToString(CultureInfo.InvariantCulture);
        return $"{prefix}{name}-{digits}.{region}.elb.amazonaws.com";
    }

    // The Route 53 hosted zone of each region's load balancer DNS names (ALB and Classic share one, NLB has its own).
    // https://docs.aws.amazon.com/general/latest/gr/elb.html
    private static readonly Dictionary<string, (string Application, string Network)> HostedZones = new()
    {
        ["us-east-1"] = ("Z35SXDOTRQ7X7K", "Z26RNL4JYFTOTI"),
        ["us-east-2"] = ("Z3AADJGX6KTTL2", "ZLMOA37VPKANP"),
        ["us-west-1"] = ("Z368ELLRRE2KJ0", "Z24FKFUX50B4VW"),
        ["us-west-2"] = ("Z1H1FL5HABSF5", "Z18D5FSROUN65G"),
        ["eu-west-1"] = ("Z32O12XQLNTSW2", "Z2IFOLAFXWLO4F"),
        ["eu-west-2"] = ("ZHURV8PSTC4K8", "ZD4D7Y8KGAS4G"),
        ["eu-central-1"] = ("Z215JYRZR1TBD5", "Z3F0SRJ5LGBH90"),
        ["ap-northeast-1"] = ("Z14GRHDCWA56QT", "Z31USIVHYNEOWT"),
        ["ap-southeast-1"] = ("Z1LMS91P8CMLE5", "ZKVM4W9LS7TM"),
        ["ap-southeast-2"] = ("Z1GM3OXH4ZPM65", "ZCT6FZBF4DROD"),
    };

    /// <summary>The region's hosted zone for the type (us-east-1's for a region not in the table).</summary>
    public static string HostedZone(string region, string type)
    {
        var zones = HostedZones.GetValueOrDefault(region, HostedZones["us-east-1"]);
        return type == Application ? zones.Application : zones.Network;
    }

    public static string ClassicHostedZone(string region) => HostedZones.GetValueOrDefault(region, HostedZones["us-east-1"]).Application;

    /// <summary>
    /// The interface an ELB v2 load balancer places in each of its subnets: ALB <c>interface</c>, NLB
    /// <c>network_load_balancer</c> (source/destination check off), GWLB <c>gateway_load_balancer</c>; requester-managed by
    /// <c>amazon-elb</c>, described <c>ELB app/&lt;name&gt;/&lt;id&gt;</c>, attached as <c>eni-attach-…</c> owned by
    /// <c>amazon-elb</c> at device index 1.
    /// </summary>
    public static ManagedInterfaces.Spec InterfaceSpec(string type, string name, string id) =>
        new(type switch { Network => "network_load_balancer", Gateway => "gateway_load_balancer", _ => "interface" }, RequesterId, "",
            $"ELB {TypeSegment(type)}/{name}/{id}", SourceDestCheck: type == Application)
        {
            AttachmentPrefix = "eni-attach", AttachmentOwner = RequesterId, DeleteOnTermination = false,
        };

    /// <summary>
    /// An internet-facing load balancer needs an internet gateway attached to its VPC: AWS refuses the subnets of a VPC
    /// without one.
    /// </summary>
    public static async Task RequireInternetGatewayAsync(ControlPlaneDbContext db, string vpcId, CancellationToken cancellationToken)
    {
        if (!await db.InternetGateways.AnyAsync(g => g.AttachedVpcId == vpcId, cancellationToken))
        {
            throw ElbErrors.VpcWithoutInternetGateway(vpcId);
        }
    }

    /// <summary>The interfaces for these subnets: a public address each when internet-facing (an Elastic IP for a mapped NLB subnet).</summary>
    public static async Task AddInterfacesAsync(ControlPlaneDbContext db, ServiceNetwork network, IIdGenerator ids, string arn, LoadBalancerDocument document, string name,
        IReadOnlyList<Subnet> subnets, IReadOnlyList<SecurityGroup> groups, IReadOnlyDictionary<string, SubnetMapping> mappings, CancellationToken cancellationToken)
    {
        var spec = InterfaceSpec(document.Type, name, document.LoadBalancerId);
        foreach (var subnet in subnets)
        {
            var mapping = mappings.GetValueOrDefault(subnet.Id);
            var eni = await network.AddInterfaceAsync(arn, spec, subnet, groups, cancellationToken, mapping?.PrivateIPv4Address);
            if (mapping?.AllocationId is { } allocationId)
            {
                var eip = await db.ElasticIps.FirstOrDefaultAsync(e => e.Id == allocationId, cancellationToken)
                    ?? throw ElbErrors.AllocationIdNotFound(allocationId);
                if (eip.AssociationId is not null) throw ElbErrors.InvalidConfiguration($"The allocation ID '{allocationId}' is already associated");
                eip.AssociationId = ids.NewId(ResourceIds.ElasticIpAssociation);
                eip.NetworkInterfaceId = eni.Id;
                eip.PrivateIpAddress = eni.PrivateIpAddresses[0].Address;
                Addresses.AddressAssociations.SetPublicIp(eni, eip);
            }
            else if (document.Scheme == InternetFacing)
            {
                await network.AssignPublicIpAsync(eni, RequesterId, cancellationToken);
            }
        }
    }

    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken) =>
        await store.FindByArnAsync(arn, cancellationToken) is { Service: Service, Kind: Kind } row ? row : throw ElbErrors.LoadBalancerNotFound(arn);

    /// <summary>The answer's shape of each load balancer, with zones and (for NLBs) addresses from its interfaces.</summary>
    public static async Task<List<LoadBalancer>> ToShapesAsync(ControlPlaneDbContext db, ServiceNetwork network, IReadOnlyList<ServiceResource> rows,
        CancellationToken cancellationToken, string? state = null)
    {
        var documents = rows.Select(ServiceResourceStore.Read<LoadBalancerDocument>).ToList();
        var subnetIds = documents.SelectMany(d => d.SubnetIds).Distinct().ToList();
        var zones = await db.Subnets.AsNoTracking().Where(s => subnetIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.AvailabilityZone, cancellationToken);
        var interfaces = await network.InterfacesOfAsync(rows.Select(r => r.Arn).ToList(), cancellationToken);
        return rows.Select((row, i) => ToShape(row, documents[i], zones, interfaces[row.Arn].ToList(), state)).ToList();
    }

    public static LoadBalancer ToShape(ServiceResource row, LoadBalancerDocument document, IReadOnlyDictionary<string, string> zones,
        IReadOnlyList<NetworkInterface> interfaces, string? state = null)
    {
        var availabilityZones = document.SubnetIds
            .Select(subnetId => new AvailabilityZone(zones.GetValueOrDefault(subnetId, ""), subnetId, Addresses(subnetId)))
            .OrderBy(z => z.ZoneName, StringComparer.Ordinal).ToList();
        return new LoadBalancer(row.Arn, document.DnsName, document.Type == Gateway ? null : document.CanonicalHostedZoneId, row.CreatedAt, row.Name,
            document.Scheme, row.VpcId!, new LoadBalancerState(state ?? row.State), document.Type, availabilityZones,
            document.Type == Gateway ? null : document.SecurityGroupIds, document.IpAddressType);

        // NLBs show each zone's address (the Elastic IP, or the private address of an internal one); ALBs show none.
        IReadOnlyList<LoadBalancerAddress> Addresses(string subnetId)
        {
            if (document.Type != Network || interfaces.FirstOrDefault(n => n.SubnetId == subnetId) is not { } eni) return [];
            var privateIp = eni.PrivateIpAddresses.FirstOrDefault(p => p.Primary)?.Address;
            return document.Scheme == Internal
                ? [new LoadBalancerAddress(null, null, privateIp)]
                : [new LoadBalancerAddress(eni.PublicIp, eni.PublicIpAllocationId, null)];
        }
    }

    /// <summary>
    /// The attributes a new load balancer answers DescribeLoadBalancerAttributes with, by type.
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html
    /// </summary>
    public static Dictionary<string, string> DefaultAttributes(string type)
    {
        var common = new Dictionary<string, string>
        {
            ["deletion_protection.enabled"] = "false",
            ["load_balancing.cross_zone.enabled"] = type == Application ? "true" : "false",
            ["access_logs.s3.enabled"] = "false",
            ["access_logs.s3.bucket"] = "",
            ["access_logs.s3.prefix"] = "",
        };
        if (type == Application)
        {
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["idle_timeout.timeout_seconds"] = "60",
                ["client_keep_alive.seconds"] = "3600",
                ["connection_logs.s3.enabled"] = "false",
                ["connection_logs.s3.bucket"] = "",
                ["connection_logs.s3.prefix"] = "",
                ["health_check_logs.s3.enabled"] = "false",
                ["health_check_logs.s3.bucket"] = "",
                ["health_check_logs.s3.prefix"] = "",
                ["routing.http.desync_mitigation_mode"] = "defensive",
                ["routing.http.drop_invalid_header_fields.enabled"] = "false",
                ["routing.http.preserve_host_header.enabled"] = "false",
                ["routing.http.x_amzn_tls_version_and_cipher_suite.enabled"] = "false",
                ["routing.http.xff_client_port.enabled"] = "false",
                ["routing.http.xff_header_processing.mode"] = "append",
                ["routing.http2.enabled"] = "true",
                ["waf.fail_open.enabled"] = "false",
                ["zonal_shift.config.enabled"] = "false",
            }) common[key] = value;
        }
        else if (type == Network)
        {
            common["dns_record.client_routing_policy"] = "any_availability_zone";
            common["zonal_shift.config.enabled"] = "false";
        }
        return common;
    }

    /// <summary>The opaque marker of the next page: the position of its first item.</summary>
    public static string Marker(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{offset}"));

    /// <summary>One page of <paramref name="items"/> from <paramref name="marker"/> (PageSize 1-400, default 400) and the next marker.</summary>
    public static (List<T> Page, string? NextMarker) Page<T>(IReadOnlyList<T> items, string? marker, int? pageSize)
    {
        var offset = 0;
        if (marker is not null)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(marker));
                if (!text.StartsWith("offset:", StringComparison.Ordinal) || !int.TryParse(text[7..], CultureInfo.InvariantCulture, out offset) || offset < 0)
                {
                    throw ElbErrors.InvalidMarker();
                }
            }
            catch (FormatException)
            {
                throw ElbErrors.InvalidMarker();
            }
        }
        var size = pageSize ?? 400;
        var page = items.Skip(offset).Take(size).ToList();
        return (page, offset + size < items.Count ? Marker(offset + size) : null);
    }
}

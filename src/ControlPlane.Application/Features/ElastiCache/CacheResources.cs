using System.Security.Cryptography;
using System.Text;
using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// What the ElastiCache actions share: names and ARNs (<c>arn:aws:elasticache:&lt;region&gt;:&lt;account&gt;:cluster:&lt;id&gt;</c>,
/// <c>replicationgroup:</c>, <c>serverlesscache:</c>, <c>subnetgroup:</c>), endpoint host names, the subnet group a cache
/// uses (the <c>default</c> group is the default VPC's subnets until a user creates one by that name), security groups
/// (none named = the VPC's default group) and the one interface per cache node.
/// </summary>
public sealed class CacheResources(ServiceResourceStore store, ServiceNetwork network, ControlPlaneDbContext db)
{
    public const string Service = "elasticache";
    public const string ClusterKind = "cluster";
    public const string ReplicationGroupKind = "replicationgroup";
    public const string ServerlessKind = "serverlesscache";
    public const string SubnetGroupKind = "subnetgroup";
    public const string DefaultSubnetGroup = "default";
    public const string RequesterId = "amazon-elasticache";
    public const string Creating = "creating";
    public const string Available = "available";
    public const string Modifying = "modifying";
    public const string Deleting = "deleting";

    public ServiceResourceStore Store => store;

    public string Arn(string kind, string name) => store.Arn(Service, $"{kind}:{name}");

    /// <summary>
    /// The part of every endpoint that identifies the customer in the region (<c>my-cluster.<b>abc123</b>.0001.use1...</c>):
    /// AWS gives each account one such token per region, so it is derived from the scope, not drawn per cluster.
    /// </summary>
    public string Token
    {
        get
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{store.AccountId}/{store.Region}"));
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            return string.Concat(hash.Take(6).Select(b => alphabet[b % alphabet.Length]));
        }
    }

    /// <summary>The short region name in ElastiCache host names: <c>us-east-1</c> → <c>use1</c>, <c>ap-southeast-2</c> → <c>apse2</c>.</summary>
    public string RegionShort
    {
        get
        {
            var parts = store.Region.Split('-');
            if (parts.Length < 3) return store.Region.Replace("-", "");
            var direction = string.Concat(parts[1].Replace("north", "n|").Replace("south", "s|").Replace("east", "e|").Replace("west", "w|")
                .Replace("central", "c|").Split('|'));
            return parts[0] + direction + parts[^1];
        }
    }

    private string Suffix => $"{RegionShort}.cache.amazonaws.com";
    public string NodeAddress(string clusterId, string nodeId) => $"{clusterId}.{Token}.{nodeId}.{Suffix}";
    public string ConfigurationAddress(string clusterId) => $"{clusterId}.{Token}.cfg.{Suffix}";
    public string PrimaryAddress(string groupId) => $"{groupId}.{Token}.ng.0001.{Suffix}";
    public string ReaderAddress(string groupId) => $"{groupId}-ro.{Token}.ng.0001.{Suffix}";
    public string ServerlessAddress(string name) => $"{name}-{Token}.serverless.{Suffix}";

    public static bool IsMemcached(string engine) => engine == "memcached";
    public static int DefaultPort(string engine) => IsMemcached(engine) ? 11211 : 6379;

    public static string DefaultEngineVersion(string engine) => engine switch
    {
        "memcached" => "1.6.22",
        "valkey" => "8.0",
        _ => "7.1.0",
    };

    /// <summary>The default parameter group of the engine version's family (<c>default.redis7</c>, <c>default.memcached1.6</c>).</summary>
    public static string DefaultParameterGroup(string engine, string version)
    {
        var parts = version.Split('.');
        var family = engine switch
        {
            "memcached" => $"memcached{parts[0]}.{(parts.Length > 1 ? parts[1] : "6")}",
            "redis" when parts[0] is "2" or "3" => $"redis{parts[0]}.{(parts.Length > 1 ? parts[1] : "0")}",
            _ => $"{engine}{parts[0]}",
        };
        return $"default.{family}";
    }

    public static IReadOnlyList<CacheTag> Tags(IReadOnlyList<TagShape>? tags) =>
        tags?.Select(t => new CacheTag(t.Key, t.Value ?? "")).ToList() ?? [];

    /// <summary>A subnet group's name, VPC and subnets; a missing <c>default</c> is the default VPC's subnets, as AWS shows it.</summary>
    public sealed record SubnetGroup(string Name, string VpcId, IReadOnlyList<CacheSubnetDocument> Subnets, ServiceResource? Row, CacheSubnetGroupDocument? Document);

    public async Task<SubnetGroup> SubnetGroupAsync(string? name, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrEmpty(name) ? DefaultSubnetGroup : name.ToLowerInvariant();
        if (await store.FindAsync(Service, SubnetGroupKind, wanted, cancellationToken) is { } row)
        {
            var document = ServiceResourceStore.Read<CacheSubnetGroupDocument>(row);
            return new SubnetGroup(row.Name, row.VpcId!, document.Subnets, row, document);
        }
        if (wanted != DefaultSubnetGroup) throw ElastiCacheErrors.CacheSubnetGroupNotFound(wanted);
        return await DefaultSubnetGroupAsync(cancellationToken) ?? throw ElastiCacheErrors.CacheSubnetGroupNotFound(wanted);
    }

    /// <summary>The implicit <c>default</c> group: every default subnet of the default VPC, or null when the scope has no default VPC.</summary>
    public async Task<SubnetGroup?> DefaultSubnetGroupAsync(CancellationToken cancellationToken)
    {
        var vpc = await db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.IsDefault, cancellationToken);
        if (vpc is null) return null;
        var subnets = await db.Subnets.AsNoTracking().Where(s => s.VpcId == vpc.Id && s.DefaultForAz).OrderBy(s => s.AvailabilityZone).ToListAsync(cancellationToken);
        return new SubnetGroup(DefaultSubnetGroup, vpc.Id, subnets.Select(s => new CacheSubnetDocument(s.Id, s.AvailabilityZone)).ToList(), null, null);
    }

    public Task<IReadOnlyList<Subnet>> SubnetsAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        network.SubnetsAsync(ids, ElastiCacheErrors.InvalidSubnet, ElastiCacheErrors.SubnetsInDifferentVpcs, cancellationToken);

    /// <summary>The named security groups of the VPC, or its <c>default</c> group when none is named.</summary>
    public async Task<IReadOnlyList<SecurityGroup>> GroupsAsync(IReadOnlyList<string>? ids, string vpcId, CancellationToken cancellationToken) =>
        ids is { Count: > 0 }
            ? await network.GroupsAsync(ids, vpcId, ElastiCacheErrors.SecurityGroupNotFound, id => ElastiCacheErrors.SecurityGroupInOtherVpc(id, vpcId), cancellationToken)
            : [await network.DefaultGroupAsync(vpcId, cancellationToken)];

    /// <summary>
    /// Which subnets new nodes go to: the preferred zones when given (one per node, or one for all), else every node in one
    /// zone for <c>single-az</c> and round robin over the group's zones for <c>cross-az</c>.
    /// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html
    /// </summary>
    public static IReadOnlyList<CacheSubnetDocument> Place(SubnetGroup group, int count, int alreadyPlaced, string azMode, IReadOnlyList<string> preferredZones)
    {
        if (group.Subnets.Count == 0) throw ElastiCacheErrors.InvalidParameterValue($"Cache subnet group {group.Name} has no subnets.");
        CacheSubnetDocument InZone(string zone) => group.Subnets.FirstOrDefault(s => s.AvailabilityZone == zone)
            ?? throw ElastiCacheErrors.InvalidParameterValue($"There are no subnets in availability zone {zone} in cache subnet group {group.Name}.");
        var placed = new List<CacheSubnetDocument>();
        for (var i = 0; i < count; i++)
        {
            var n = alreadyPlaced + i;
            placed.Add(preferredZones.Count switch
            {
                0 => azMode == "cross-az" ? group.Subnets[n % group.Subnets.Count] : group.Subnets[0],
                1 => InZone(preferredZones[0]),
                _ => InZone(preferredZones[Math.Min(i, preferredZones.Count - 1)]),
            });
        }
        return placed;
    }

    /// <summary>
    /// The node's interface as ElastiCache shows it (reference §5): type <c>interface</c>, requester-managed by
    /// <c>amazon-elasticache</c>, described <c>ElastiCache &lt;cluster&gt;-&lt;node&gt;</c>, attached
    /// (<c>eni-attach-…</c>) to an instance owned by <c>amazon-elasticache</c>.
    /// </summary>
    public Task<NetworkInterface> AddNodeInterfaceAsync(string clusterArn, string clusterId, string nodeId, Subnet subnet, IReadOnlyList<SecurityGroup> groups,
        CancellationToken cancellationToken) =>
        network.AddInterfaceAsync(clusterArn, Spec($"ElastiCache {clusterId}-{nodeId}"), subnet, groups, cancellationToken);

    public static ManagedInterfaces.Spec Spec(string description) => new("interface", RequesterId, "", description, SourceDestCheck: true)
    {
        AttachmentPrefix = "eni-attach",
        AttachmentOwner = RequesterId,
    };

    /// <summary>
    /// Adds a cluster row and its nodes (<c>0001</c>, ...) at the given subnets, one interface each with the given groups.
    /// </summary>
    public async Task<ServiceResource> AddClusterAsync(string id, CacheClusterDocument template, SubnetGroup group, IReadOnlyList<SecurityGroup> groups,
        IReadOnlyList<CacheSubnetDocument> placement, string? parentArn, CancellationToken cancellationToken)
    {
        var arn = Arn(ClusterKind, id);
        var nodes = await AddNodesAsync(arn, id, [], placement, groups, cancellationToken);
        var document = template with { Nodes = nodes, SecurityGroupIds = groups.Select(g => g.Id).ToList(), CacheSubnetGroupName = group.Name };
        return store.Add(Service, ClusterKind, id, arn, document, vpcId: group.VpcId, parentArn: parentArn);
    }

    /// <summary>The cluster's nodes followed by new ones at the given subnets, numbered on from the highest node id.</summary>
    public async Task<IReadOnlyList<CacheNodeDocument>> AddNodesAsync(string clusterArn, string clusterId, IReadOnlyList<CacheNodeDocument> existing,
        IReadOnlyList<CacheSubnetDocument> placement, IReadOnlyList<SecurityGroup> groups, CancellationToken cancellationToken)
    {
        var subnets = (await SubnetsAsync(placement.Select(p => p.SubnetId), cancellationToken)).ToDictionary(s => s.Id);
        var nodes = existing.ToList();
        var next = existing.Count == 0 ? 1 : existing.Max(n => int.Parse(n.CacheNodeId, System.Globalization.CultureInfo.InvariantCulture)) + 1;
        foreach (var at in placement)
        {
            var nodeId = (next++).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var eni = await AddNodeInterfaceAsync(clusterArn, clusterId, nodeId, subnets[at.SubnetId], groups, cancellationToken);
            nodes.Add(new CacheNodeDocument(nodeId, at.SubnetId, at.AvailabilityZone, store.Now, eni.Id));
        }
        return nodes;
    }

    /// <summary>Deletes a cluster row with every node's interface.</summary>
    public async Task RemoveClusterAsync(ServiceResource cluster, CancellationToken cancellationToken)
    {
        await network.RemoveInterfacesAsync(cluster.Arn, cancellationToken);
        store.Remove(cluster);
    }

    public ServiceNetwork Network => network;

    /// <summary>Cluster, replication group, serverless cache or subnet group by ARN, for the tagging actions.</summary>
    public async Task<ServiceResource> TaggableAsync(string arn, CancellationToken cancellationToken)
    {
        var prefix = $"arn:aws:{Service}:{store.Region}:{store.AccountId}:";
        var parts = arn.StartsWith("arn:", StringComparison.Ordinal) ? arn.Split(':') : [];
        if (parts.Length != 7 || parts[2] != Service) throw ElastiCacheErrors.InvalidArn(arn);
        var (kind, name) = (parts[5], parts[6]);
        var found = arn.StartsWith(prefix, StringComparison.Ordinal) ? await store.FindByArnAsync(arn, cancellationToken) : null;
        if (found is { Service: Service }) return found;
        throw kind switch
        {
            ClusterKind => ElastiCacheErrors.CacheClusterNotFound(name),
            ReplicationGroupKind => ElastiCacheErrors.ReplicationGroupNotFound(name),
            ServerlessKind => ElastiCacheErrors.ServerlessCacheNotFound(name),
            SubnetGroupKind => ElastiCacheErrors.CacheSubnetGroupNotFound(name),
            _ => ElastiCacheErrors.InvalidArn(arn),
        };
    }

    /// <summary>The page of a Marker/MaxRecords describe call: the marker is the name the next page starts at.</summary>
    public static (IReadOnlyList<ServiceResource> Page, string? Marker) Page(IReadOnlyList<ServiceResource> rows, string? marker, int? maxRecords)
    {
        var size = maxRecords ?? 100;
        var start = 0;
        if (!string.IsNullOrEmpty(marker))
        {
            start = rows.ToList().FindIndex(r => r.Name == marker);
            if (start < 0) throw ElastiCacheErrors.InvalidParameterValue($"Invalid marker: {marker}");
        }
        var page = rows.Skip(start).Take(size).ToList();
        return (page, start + size < rows.Count ? rows[start + size].Name : null);
    }
}

using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.Rds;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Subnet = ControlPlane.Domain.Model.Subnet;
using Tag = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Redshift's names, subnet groups and interfaces. A cluster's ARN is <c>arn:aws:redshift:&lt;region&gt;:&lt;account&gt;:cluster:&lt;id&gt;</c>,
/// a subnet group's <c>…:subnetgroup:&lt;name&gt;</c>; its endpoint <c>&lt;id&gt;.&lt;random&gt;.&lt;region&gt;.redshift.amazonaws.com:5439</c>.
/// A cluster places one requester-managed <c>interface</c> of <c>amazon-redshift</c> (its leader node), described
/// <c>RedshiftNetworkInterface</c> and attached as <c>eni-attach-…</c> owned by <c>amazon-redshift</c> (reference §5).
/// With no subnet group named, a cluster goes to the default VPC's default subnets (the <c>default</c> group).
/// https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html
/// </summary>
public static class RedshiftViews
{
    public const string Service = "redshift";
    public const string ClusterKind = "cluster";
    public const string SubnetGroupKind = "subnetgroup";
    public const string DefaultSubnetGroup = "default";
    public const string RequesterId = "amazon-redshift";
    public const string Description = "RedshiftNetworkInterface";
    public const int DefaultPort = 5439;

    public sealed record Group(string Name, string Description, string VpcId, IReadOnlyList<Subnet> Subnets, ServiceResource? Row)
    {
        public IReadOnlyList<Tag> Tags => Row is null ? [] : ServiceResourceStore.Read<ClusterSubnetGroupDocument>(Row).Tags;
    }

    public static async Task<Group?> FindGroupAsync(ControlPlaneDbContext db, ServiceResourceStore store, string name, CancellationToken cancellationToken)
    {
        var key = name.ToLowerInvariant();
        if (key == DefaultSubnetGroup)
        {
            var vpc = await db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.IsDefault, cancellationToken);
            if (vpc is null) return null;
            var defaults = (await db.Subnets.AsNoTracking().Where(s => s.VpcId == vpc.Id && s.DefaultForAz).ToListAsync(cancellationToken))
                .OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ToList();
            return new Group(DefaultSubnetGroup, "default", vpc.Id, defaults, null);
        }
        var row = await store.FindAsync(Service, SubnetGroupKind, key, cancellationToken);
        return row is null ? null : await FromRowAsync(db, row, cancellationToken);
    }

    public static async Task<Group> FromRowAsync(ControlPlaneDbContext db, ServiceResource row, CancellationToken cancellationToken)
    {
        var document = ServiceResourceStore.Read<ClusterSubnetGroupDocument>(row);
        var ids = document.SubnetIds;
        var found = await db.Subnets.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return new Group(row.Name, document.Description, row.VpcId ?? "", ids.Where(found.ContainsKey).Select(id => found[id]).ToList(), row);
    }

    public static ClusterSubnetGroupShape ToShape(Group group) => new(
        group.Name, group.Description, group.VpcId, "Complete",
        group.Subnets.Select(s => new RedshiftSubnet(s.Id, new RedshiftAvailabilityZone(s.AvailabilityZone), "Active")).ToList(),
        group.Tags, ["ipv4"]);

    public static string Address(string id, string accountId, string region) =>
        $"{id}.{RdsNames.Suffix(accountId, "redshift/" + region)}.{region}.redshift.amazonaws.com";

    public static ManagedInterfaces.Spec Spec(string ownerArn) =>
        new("interface", RequesterId, ownerArn, Description, SourceDestCheck: true)
        {
            AttachmentPrefix = "eni-attach", AttachmentOwner = RequesterId, DeviceIndex = 1, DeleteOnTermination = false,
        };

    public static async Task<IReadOnlyList<SecurityGroup>> GroupsAsync(ServiceNetwork network, IReadOnlyList<string>? groupIds, string vpcId,
        CancellationToken cancellationToken) =>
        groupIds is { Count: > 0 }
            ? await network.GroupsAsync(groupIds, vpcId, RedshiftErrors.SecurityGroupNotFound, RedshiftErrors.SecurityGroupInOtherVpc, cancellationToken)
            : [await network.DefaultGroupAsync(vpcId, cancellationToken)];

    public static ClusterShape Cluster(ServiceResource row, RedshiftClusterDocument document, IReadOnlyList<NetworkInterface> interfaces, string region, string status)
    {
        var leader = interfaces.FirstOrDefault();
        var privateIp = leader?.PrivateIpAddresses.FirstOrDefault(p => p.Primary)?.Address;
        IReadOnlyList<ClusterNode> nodes = document.NumberOfNodes == 1
            ? [new ClusterNode("SHARED", privateIp, leader?.PublicIp)]
            : [new ClusterNode("LEADER", privateIp, leader?.PublicIp), .. Enumerable.Range(0, document.NumberOfNodes).Select(i => new ClusterNode($"COMPUTE-{i}", null, null))];
        return new ClusterShape
        {
            ClusterIdentifier = row.Name,
            NodeType = document.NodeType,
            ClusterStatus = status,
            MasterUsername = document.MasterUsername,
            DBName = document.DBName ?? "dev",
            Endpoint = new RedshiftEndpoint(document.EndpointAddress, document.Port),
            ClusterCreateTime = row.CreatedAt,
            AutomatedSnapshotRetentionPeriod = document.AutomatedSnapshotRetentionPeriod,
            VpcSecurityGroups = document.SecurityGroupIds.Select(id => new RedshiftVpcSecurityGroupMembership(id, "active")).ToList(),
            ClusterParameterGroups = [new ClusterParameterGroupStatus(document.ClusterParameterGroupName ?? "default.redshift-1.0", "in-sync")],
            ClusterSubnetGroupName = document.SubnetGroupName,
            VpcId = row.VpcId ?? "",
            AvailabilityZone = document.AvailabilityZone,
            PreferredMaintenanceWindow = document.PreferredMaintenanceWindow,
            ClusterVersion = document.ClusterVersion ?? "1.0",
            AllowVersionUpgrade = document.AllowVersionUpgrade,
            NumberOfNodes = document.NumberOfNodes,
            PubliclyAccessible = document.PubliclyAccessible,
            Encrypted = document.Encrypted,
            EnhancedVpcRouting = document.EnhancedVpcRouting,
            KmsKeyId = document.KmsKeyId,
            ClusterNodes = nodes,
            Tags = document.Tags,
            ClusterNamespaceArn = $"arn:aws:redshift:{region}:{row.AccountId}:namespace:{document.NamespaceId}",
        };
    }

    /// <summary>Describe* TagKeys/TagValues: a resource matches when it has any of the keys and any of the values asked for.</summary>
    public static bool MatchesTags(IReadOnlyList<Tag> tags, IReadOnlyList<string>? keys, IReadOnlyList<string>? values) =>
        (keys is not { Count: > 0 } || tags.Any(t => keys.Contains(t.Key ?? ""))) && (values is not { Count: > 0 } || tags.Any(t => values.Contains(t.Value ?? "")));

    public static MarkerPage.Slice<T> Page<T>(IEnumerable<T> items, Func<T, string> name, int? maxRecords, string? marker) =>
        MarkerPage.Take(items, name, maxRecords, marker, RedshiftErrors.InvalidMaxRecords, RedshiftErrors.InvalidMarker);

    /// <summary>Zone of the cluster: the requested one (which the group must have), else the group's first.</summary>
    public static Subnet Placement(Group group, string? zone)
    {
        var ordered = group.Subnets.OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) throw RedshiftErrors.SubnetGroupNotFound(group.Name);
        return zone is null ? ordered[0] : ordered.FirstOrDefault(s => s.AvailabilityZone == zone) ?? throw RedshiftErrors.NoSubnetInZone(zone);
    }
}

using ControlPlane.Application.Querying;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// The answers' shapes built from stored rows. Describe answers show every resource <c>available</c> at once (so the
/// <c>db_instance_available</c> waiter and Terraform pass); create, modify and delete answers pass their own status.
/// </summary>
public static class RdsViews
{
    public const string Available = "available";

    /// <summary>What describe answers need besides the rows: every subnet group and every cluster, looked up once.</summary>
    public sealed class Context
    {
        private readonly Dictionary<string, RdsSubnetGroups.Group> _groups;
        private readonly Dictionary<string, ServiceResource> _clusters;
        private readonly ILookup<string, ServiceResource> _members;

        private Context(IEnumerable<RdsSubnetGroups.Group> groups, IReadOnlyList<ServiceResource> clusters, IEnumerable<ServiceResource> instances)
        {
            _groups = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
            _clusters = clusters.ToDictionary(c => c.Name, StringComparer.Ordinal);
            _members = instances.Where(i => i.ParentArn is not null).ToLookup(i => i.ParentArn!);
        }

        public static async Task<Context> LoadAsync(ControlPlaneDbContext db, ServiceResourceStore store, CancellationToken cancellationToken) =>
            new(await RdsSubnetGroups.ListAsync(db, store, cancellationToken),
                await store.ListAsync(RdsNames.Service, RdsNames.ClusterKind, cancellationToken),
                await store.ListAsync(RdsNames.Service, RdsNames.InstanceKind, cancellationToken));

        public RdsSubnetGroups.Group? Group(string name) => _groups.GetValueOrDefault(name);

        public ServiceResource? Cluster(string? name) => name is null ? null : _clusters.GetValueOrDefault(name);

        public IReadOnlyList<ServiceResource> Members(string clusterArn) => _members[clusterArn].ToList();

        public DBInstanceShape Instance(ServiceResource row, string region, string status = Available)
        {
            var document = ServiceResourceStore.Read<DbInstanceDocument>(row);
            var cluster = Cluster(document.DBClusterIdentifier);
            var groupIds = cluster is null ? document.SecurityGroupIds : ServiceResourceStore.Read<DbClusterDocument>(cluster).SecurityGroupIds;
            return RdsViews.Instance(row, document, Group(document.SubnetGroupName), groupIds, region, status);
        }

        public DBClusterShape Cluster(ServiceResource row, string region, string status = Available) =>
            RdsViews.Cluster(row, ServiceResourceStore.Read<DbClusterDocument>(row), Members(row.Arn), region, status);
    }

    public static DBInstanceShape Instance(ServiceResource row, DbInstanceDocument document, RdsSubnetGroups.Group? group, IReadOnlyList<string> groupIds,
        string region, string status)
    {
        var engine = RdsEngines.Find(document.Engine);
        return new DBInstanceShape
        {
            DBInstanceIdentifier = row.Name,
            DBInstanceClass = document.DBInstanceClass,
            Engine = document.Engine,
            DBInstanceStatus = status,
            MasterUsername = document.MasterUsername,
            DBName = document.DBName,
            Endpoint = new RdsEndpoint(document.EndpointAddress, document.Port, RdsNames.HostedZoneId(region)),
            AllocatedStorage = document.AllocatedStorage,
            InstanceCreateTime = row.CreatedAt,
            PreferredBackupWindow = document.PreferredBackupWindow,
            BackupRetentionPeriod = document.BackupRetentionPeriod,
            VpcSecurityGroups = Memberships(groupIds),
            DBParameterGroups = [new DBParameterGroupStatus(document.DBParameterGroupName ?? $"default.{engine?.Family ?? document.Engine}", "in-sync")],
            AvailabilityZone = document.AvailabilityZone,
            DBSubnetGroup = group is null
                ? new DBSubnetGroupShape(document.SubnetGroupName, "", row.VpcId ?? "", "Complete", [], "", ["IPV4"])
                : RdsSubnetGroups.ToShape(group),
            PreferredMaintenanceWindow = document.PreferredMaintenanceWindow,
            MultiAZ = document.MultiAZ,
            EngineVersion = document.EngineVersion,
            AutoMinorVersionUpgrade = document.AutoMinorVersionUpgrade,
            LicenseModel = document.LicenseModel ?? engine?.LicenseModel,
            OptionGroupMemberships = [new OptionGroupMembership(document.OptionGroupName ?? DefaultOptionGroup(document), "in-sync")],
            SecondaryAvailabilityZone = document.SecondaryAvailabilityZone,
            PubliclyAccessible = document.PubliclyAccessible,
            StorageType = document.StorageType,
            DBClusterIdentifier = document.DBClusterIdentifier,
            StorageEncrypted = document.StorageEncrypted,
            KmsKeyId = document.KmsKeyId,
            DbiResourceId = document.DbiResourceId,
            CACertificateIdentifier = document.CACertificateIdentifier ?? "rds-ca-rsa2048-g1",
            CopyTagsToSnapshot = document.CopyTagsToSnapshot,
            PromotionTier = document.PromotionTier,
            DBInstanceArn = row.Arn,
            IAMDatabaseAuthenticationEnabled = document.IAMDatabaseAuthenticationEnabled,
            DeletionProtection = document.DeletionProtection,
            TagList = document.Tags,
            BackupTarget = "region",
            NetworkType = "IPV4",
        };
    }

    public static DBClusterShape Cluster(ServiceResource row, DbClusterDocument document, IReadOnlyList<ServiceResource> members, string region, string status)
    {
        var engine = RdsEngines.Find(document.Engine);
        var ordered = members.OrderBy(m => m.CreatedAt).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        return new DBClusterShape
        {
            AllocatedStorage = document.AllocatedStorage ?? 1,
            AvailabilityZones = document.AvailabilityZones,
            BackupRetentionPeriod = document.BackupRetentionPeriod,
            DatabaseName = document.DatabaseName,
            DBClusterIdentifier = row.Name,
            DBClusterParameterGroup = document.DBClusterParameterGroupName ?? $"default.{engine?.Family ?? document.Engine}",
            DBSubnetGroup = document.SubnetGroupName,
            Status = status,
            Endpoint = document.EndpointAddress,
            ReaderEndpoint = document.ReaderEndpointAddress,
            MultiAZ = ordered.Count > 1,
            Engine = document.Engine,
            EngineVersion = document.EngineVersion,
            Port = document.Port,
            MasterUsername = document.MasterUsername,
            PreferredBackupWindow = document.PreferredBackupWindow,
            PreferredMaintenanceWindow = document.PreferredMaintenanceWindow,
            DBClusterMembers = ordered.Select((m, i) =>
                new DBClusterMember(m.Name, i == 0, "in-sync", ServiceResourceStore.Read<DbInstanceDocument>(m).PromotionTier ?? 1)).ToList(),
            VpcSecurityGroups = Memberships(document.SecurityGroupIds),
            HostedZoneId = RdsNames.HostedZoneId(region),
            StorageEncrypted = document.StorageEncrypted,
            KmsKeyId = document.KmsKeyId,
            DbClusterResourceId = document.DbClusterResourceId,
            DBClusterArn = row.Arn,
            IAMDatabaseAuthenticationEnabled = document.IAMDatabaseAuthenticationEnabled,
            ClusterCreateTime = row.CreatedAt,
            EngineMode = document.EngineMode,
            DeletionProtection = document.DeletionProtection,
            CopyTagsToSnapshot = document.CopyTagsToSnapshot,
            DBClusterInstanceClass = document.DBClusterInstanceClass,
            StorageType = document.StorageType,
            PubliclyAccessible = document.PubliclyAccessible,
            TagList = document.Tags,
            NetworkType = "IPV4",
        };
    }

    public static IReadOnlyList<VpcSecurityGroupMembership> Memberships(IEnumerable<string> groupIds) =>
        groupIds.Select(id => new VpcSecurityGroupMembership(id, "active")).ToList();

    private static string DefaultOptionGroup(DbInstanceDocument document)
    {
        var major = document.EngineVersion.Split('.')[0];
        return $"default:{document.Engine}-{major}";
    }

    /// <summary>DescribeDBInstances filters. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html</summary>
    public static readonly FilterTable<ServiceResource> InstanceFilters = new(new Dictionary<string, Func<ServiceResource, IEnumerable<string?>>>
    {
        ["db-instance-id"] = r => [r.Name, r.Arn],
        ["db-cluster-id"] = r => ServiceResourceStore.Read<DbInstanceDocument>(r) is { DBClusterIdentifier: { } c } ? [c, r.ParentArn] : [],
        ["dbi-resource-id"] = r => [ServiceResourceStore.Read<DbInstanceDocument>(r).DbiResourceId],
        ["engine"] = r => [ServiceResourceStore.Read<DbInstanceDocument>(r).Engine],
    }, null);

    /// <summary>DescribeDBClusters filters. https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBClusters.html</summary>
    public static readonly FilterTable<ServiceResource> ClusterFilters = new(new Dictionary<string, Func<ServiceResource, IEnumerable<string?>>>
    {
        ["db-cluster-id"] = r => [r.Name, r.Arn],
        ["db-cluster-resource-id"] = r => [ServiceResourceStore.Read<DbClusterDocument>(r).DbClusterResourceId],
        ["engine"] = r => [ServiceResourceStore.Read<DbClusterDocument>(r).Engine],
    }, null);

    /// <summary>DescribeDBSubnetGroups accepts the Filters parameter but AWS supports no filter name on it.</summary>
    public static readonly FilterTable<RdsSubnetGroups.Group> SubnetGroupFilters = new(new Dictionary<string, Func<RdsSubnetGroups.Group, IEnumerable<string?>>>(), null);
}

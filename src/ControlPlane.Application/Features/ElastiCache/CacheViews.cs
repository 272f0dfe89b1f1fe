using ControlPlane.Application.Services;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// The answers' shapes from the stored rows. Describe shows every resource <c>available</c> at once (the boto3 waiters and
/// Terraform poll for it); create answers show <c>creating</c>, as AWS does.
/// </summary>
public static class CacheViews
{
    private static readonly IReadOnlyList<string> Ipv4Only = ["ipv4"];

    public static CacheSubnetGroupShape SubnetGroup(CacheResources caches, CacheResources.SubnetGroup group) =>
        new(group.Name, group.Document?.Description ?? "Default CacheSubnetGroup", group.VpcId,
            group.Subnets.Select(s => new CacheSubnetShape(s.SubnetId, new AvailabilityZoneShape(s.AvailabilityZone), Ipv4Only)).ToList(),
            group.Row?.Arn ?? caches.Arn(CacheResources.SubnetGroupKind, group.Name), Ipv4Only);

    public static CacheClusterShape Cluster(CacheResources caches, ServiceResource row, bool showNodes, string? status = null)
    {
        var doc = ServiceResourceStore.Read<CacheClusterDocument>(row);
        var memcached = CacheResources.IsMemcached(doc.Engine);
        var zones = doc.Nodes.Select(n => n.AvailabilityZone).Distinct().ToList();
        var nodeStatus = status == CacheResources.Creating ? CacheResources.Creating : CacheResources.Available;
        return new CacheClusterShape
        {
            CacheClusterId = row.Name,
            ConfigurationEndpoint = memcached ? new EndpointShape(caches.ConfigurationAddress(row.Name), doc.Port) : null,
            ClientDownloadLandingPage = "https://console.aws.amazon.com/elasticache/home#client-download:",
            CacheNodeType = doc.CacheNodeType,
            Engine = doc.Engine,
            EngineVersion = doc.EngineVersion,
            CacheClusterStatus = status ?? row.State,
            NumCacheNodes = doc.Nodes.Count,
            PreferredAvailabilityZone = zones.Count == 1 ? zones[0] : "Multiple",
            CacheClusterCreateTime = row.CreatedAt,
            PreferredMaintenanceWindow = doc.PreferredMaintenanceWindow,
            PendingModifiedValues = new PendingModifiedValuesShape(),
            CacheSecurityGroups = [],
            CacheParameterGroup = new CacheParameterGroupStatusShape(
                doc.CacheParameterGroupName ?? CacheResources.DefaultParameterGroup(doc.Engine, doc.EngineVersion), "in-sync", []),
            CacheSubnetGroupName = doc.CacheSubnetGroupName,
            CacheNodes = showNodes
                ? doc.Nodes.Select(n => new CacheNodeShape(n.CacheNodeId, nodeStatus, n.CreatedAt,
                    new EndpointShape(caches.NodeAddress(row.Name, n.CacheNodeId), doc.Port), "in-sync", n.AvailabilityZone)).ToList()
                : null,
            AutoMinorVersionUpgrade = doc.AutoMinorVersionUpgrade,
            SecurityGroups = doc.SecurityGroupIds.Select(id => new SecurityGroupMembershipShape(id, "active")).ToList(),
            ReplicationGroupId = doc.ReplicationGroupId,
            SnapshotRetentionLimit = memcached ? null : doc.SnapshotRetentionLimit ?? 0,
            SnapshotWindow = memcached ? null : doc.SnapshotWindow ?? "06:30-07:30",
            AuthTokenEnabled = false,
            TransitEncryptionEnabled = doc.TransitEncryptionEnabled,
            AtRestEncryptionEnabled = false,
            ARN = row.Arn,
            ReplicationGroupLogDeliveryEnabled = false,
            LogDeliveryConfigurations = [],
            NetworkType = doc.NetworkType,
            IpDiscovery = "ipv4",
        };
    }

    public static ReplicationGroupShape ReplicationGroup(CacheResources caches, ServiceResource row, IReadOnlyList<ServiceResource> members, string? status = null)
    {
        var doc = ServiceResourceStore.Read<ReplicationGroupDocument>(row);
        var byId = members.ToDictionary(m => m.Name);
        var nodeMembers = doc.MemberClusters.Where(byId.ContainsKey).Select(id =>
        {
            var member = ServiceResourceStore.Read<CacheClusterDocument>(byId[id]);
            var node = member.Nodes[0];
            return new NodeGroupMemberShape(id, node.CacheNodeId, new EndpointShape(caches.NodeAddress(id, node.CacheNodeId), doc.Port),
                node.AvailabilityZone, id == doc.PrimaryClusterId ? "primary" : "replica");
        }).ToList();
        var nodeGroup = new NodeGroupShape("0001", status ?? row.State, new EndpointShape(caches.PrimaryAddress(row.Name), doc.Port),
            new EndpointShape(caches.ReaderAddress(row.Name), doc.Port), nodeMembers);
        return new ReplicationGroupShape
        {
            ReplicationGroupId = row.Name,
            Description = doc.Description,
            Status = status ?? row.State,
            PendingModifiedValues = new ReplicationGroupPendingModifiedValuesShape(),
            MemberClusters = doc.MemberClusters,
            NodeGroups = [nodeGroup],
            AutomaticFailover = doc.AutomaticFailover ? "enabled" : "disabled",
            MultiAZ = doc.MultiAz ? "enabled" : "disabled",
            SnapshotRetentionLimit = doc.SnapshotRetentionLimit,
            SnapshotWindow = doc.SnapshotWindow,
            ClusterEnabled = false,
            CacheNodeType = doc.CacheNodeType,
            AuthTokenEnabled = false,
            TransitEncryptionEnabled = doc.TransitEncryptionEnabled,
            AtRestEncryptionEnabled = doc.AtRestEncryptionEnabled,
            ARN = row.Arn,
            LogDeliveryConfigurations = [],
            ReplicationGroupCreateTime = row.CreatedAt,
            DataTiering = "disabled",
            AutoMinorVersionUpgrade = doc.AutoMinorVersionUpgrade,
            NetworkType = doc.NetworkType,
            IpDiscovery = "ipv4",
            ClusterMode = "disabled",
            Engine = doc.Engine,
        };
    }

    public static ServerlessCacheShape Serverless(CacheResources caches, ServiceResource row, string? status = null)
    {
        var doc = ServiceResourceStore.Read<ServerlessCacheDocument>(row);
        var port = CacheResources.DefaultPort(doc.Engine);
        var address = caches.ServerlessAddress(row.Name);
        return new ServerlessCacheShape
        {
            ServerlessCacheName = row.Name,
            Description = doc.Description,
            CreateTime = row.CreatedAt,
            Status = status ?? row.State,
            Engine = doc.Engine,
            MajorEngineVersion = doc.MajorEngineVersion,
            FullEngineVersion = doc.FullEngineVersion,
            KmsKeyId = doc.KmsKeyId,
            SecurityGroupIds = doc.SecurityGroupIds,
            Endpoint = new EndpointShape(address, port),
            ReaderEndpoint = new EndpointShape(address, port + 1),
            ARN = row.Arn,
            UserGroupId = doc.UserGroupId,
            SubnetIds = doc.SubnetIds,
            SnapshotRetentionLimit = CacheResources.IsMemcached(doc.Engine) ? null : doc.SnapshotRetentionLimit ?? 0,
            DailySnapshotTime = CacheResources.IsMemcached(doc.Engine) ? null : doc.DailySnapshotTime ?? "05:00",
            NetworkType = "ipv4",
        };
    }
}

using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Tag = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// The tags of DB instances, clusters and subnet groups, kept in their documents and addressed by ARN
/// (<c>arn:aws:rds:&lt;region&gt;:&lt;account&gt;:db:&lt;id&gt;</c>, <c>cluster:</c>, <c>subgrp:</c>). A missing resource answers its kind's
/// not-found error. https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html
/// </summary>
public static class RdsTags
{
    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken)
    {
        var parts = arn.Split(':', 7);
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != RdsNames.Service) throw RdsErrors.InvalidResourceName(arn);
        var row = await store.FindByArnAsync(arn, cancellationToken);
        return (parts[5], row) switch
        {
            (RdsNames.InstanceKind or RdsNames.ClusterKind or RdsNames.SubnetGroupKind, { } found) when found.Service == RdsNames.Service => found,
            (RdsNames.InstanceKind, _) => throw RdsErrors.InstanceNotFound(parts[6]),
            (RdsNames.ClusterKind, _) => throw RdsErrors.ClusterNotFound(parts[6]),
            (RdsNames.SubnetGroupKind, _) => throw RdsErrors.SubnetGroupNotFound(parts[6]),
            _ => throw RdsErrors.InvalidResourceName(arn),
        };
    }

    public static IReadOnlyList<Tag> Read(ServiceResource row) => row.Kind switch
    {
        RdsNames.InstanceKind => ServiceResourceStore.Read<DbInstanceDocument>(row).Tags,
        RdsNames.ClusterKind => ServiceResourceStore.Read<DbClusterDocument>(row).Tags,
        _ => ServiceResourceStore.Read<DbSubnetGroupDocument>(row).Tags,
    };

    public static void Write(ServiceResource row, IReadOnlyList<Tag> tags)
    {
        switch (row.Kind)
        {
            case RdsNames.InstanceKind:
                ServiceResourceStore.Write(row, ServiceResourceStore.Read<DbInstanceDocument>(row) with { Tags = tags });
                break;
            case RdsNames.ClusterKind:
                ServiceResourceStore.Write(row, ServiceResourceStore.Read<DbClusterDocument>(row) with { Tags = tags });
                break;
            default:
                ServiceResourceStore.Write(row, ServiceResourceStore.Read<DbSubnetGroupDocument>(row) with { Tags = tags });
                break;
        }
    }

    /// <summary>Adds or overwrites by key, keeping the existing order.</summary>
    public static IReadOnlyList<Tag> Merge(IReadOnlyList<Tag> current, IEnumerable<Tag> added)
    {
        var result = current.ToList();
        foreach (var tag in added)
        {
            var index = result.FindIndex(t => t.Key == tag.Key);
            if (index >= 0) result[index] = tag;
            else result.Add(tag);
        }
        return result;
    }
}

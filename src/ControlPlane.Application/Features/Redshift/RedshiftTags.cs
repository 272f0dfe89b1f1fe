using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Tag = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// The tags of clusters and cluster subnet groups, kept in their documents and addressed by ARN
/// (<c>arn:aws:redshift:&lt;region&gt;:&lt;account&gt;:cluster:&lt;id&gt;</c>, <c>…:subnetgroup:&lt;name&gt;</c>).
/// https://docs.aws.amazon.com/redshift/latest/mgmt/amazon-redshift-tagging.html
/// </summary>
public static class RedshiftTags
{
    public static async Task<ServiceResource> FindAsync(ServiceResourceStore store, string arn, CancellationToken cancellationToken)
    {
        var parts = arn.Split(':', 7);
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != RedshiftViews.Service || parts[5] is not (RedshiftViews.ClusterKind or RedshiftViews.SubnetGroupKind))
            throw RedshiftErrors.InvalidResourceName(arn);
        return await store.FindByArnAsync(arn, cancellationToken) is { Service: RedshiftViews.Service } row ? row : throw RedshiftErrors.ResourceNotFound(arn);
    }

    public static IReadOnlyList<Tag> Read(ServiceResource row) => row.Kind == RedshiftViews.ClusterKind
        ? ServiceResourceStore.Read<RedshiftClusterDocument>(row).Tags
        : ServiceResourceStore.Read<ClusterSubnetGroupDocument>(row).Tags;

    public static void Write(ServiceResource row, IReadOnlyList<Tag> tags)
    {
        if (row.Kind == RedshiftViews.ClusterKind)
            ServiceResourceStore.Write(row, ServiceResourceStore.Read<RedshiftClusterDocument>(row) with { Tags = tags });
        else
            ServiceResourceStore.Write(row, ServiceResourceStore.Read<ClusterSubnetGroupDocument>(row) with { Tags = tags });
    }
}

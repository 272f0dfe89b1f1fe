using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Lists clusters in identifier order, or the one named, each <c>available</c>; TagKeys/TagValues narrow the list;
/// Marker/MaxRecords paging. https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusters.html
/// </summary>
[AwsService("redshift")]
public static class DescribeClusters
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterIdentifier { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
        public IReadOnlyList<string>? TagValues { get; init; }
    }

    public sealed record Result(IReadOnlyList<ClusterShape> Clusters, string? Marker);

    public sealed class Handler(ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = await store.ListAsync(RedshiftViews.Service, RedshiftViews.ClusterKind, cancellationToken);
            if (command.ClusterIdentifier is { } id)
            {
                rows = rows.Where(r => r.Name == id.ToLowerInvariant()).ToList();
                if (rows.Count == 0) throw RedshiftErrors.ClusterNotFound(id);
            }
            var page = RedshiftViews.Page(rows.Where(r => RedshiftViews.MatchesTags(ServiceResourceStore.Read<RedshiftClusterDocument>(r).Tags,
                command.TagKeys, command.TagValues)), r => r.Name, command.MaxRecords, command.Marker);
            var interfaces = await network.InterfacesOfAsync(page.Items.Select(r => r.Arn).ToList(), cancellationToken);
            return new Result(page.Items.Select(r => RedshiftViews.Cluster(r, ServiceResourceStore.Read<RedshiftClusterDocument>(r), interfaces[r.Arn].ToList(),
                store.Region, "available")).ToList(), page.Marker);
        }
    }
}

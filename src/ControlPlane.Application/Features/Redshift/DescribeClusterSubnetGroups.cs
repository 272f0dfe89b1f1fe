using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Lists cluster subnet groups in name order, or the one named; TagKeys/TagValues narrow the list; Marker/MaxRecords paging.
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeClusterSubnetGroups.html
/// </summary>
[AwsService("redshift")]
public static class DescribeClusterSubnetGroups
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterSubnetGroupName { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
        public IReadOnlyList<string>? TagValues { get; init; }
    }

    public sealed record Result(IReadOnlyList<ClusterSubnetGroupShape> ClusterSubnetGroups, string? Marker);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var groups = new List<RedshiftViews.Group>();
            if (command.ClusterSubnetGroupName is { } name)
            {
                groups.Add(await RedshiftViews.FindGroupAsync(db, store, name, cancellationToken) ?? throw RedshiftErrors.SubnetGroupNotFound(name));
            }
            else
            {
                foreach (var row in await store.ListAsync(RedshiftViews.Service, RedshiftViews.SubnetGroupKind, cancellationToken))
                    groups.Add(await RedshiftViews.FromRowAsync(db, row, cancellationToken));
            }
            var page = RedshiftViews.Page(groups.Where(g => RedshiftViews.MatchesTags(g.Tags, command.TagKeys, command.TagValues)), g => g.Name,
                command.MaxRecords, command.Marker);
            return new Result(page.Items.Select(RedshiftViews.ToShape).ToList(), page.Marker);
        }
    }
}

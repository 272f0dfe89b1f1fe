using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Lists DB clusters in identifier order, or the one named (by identifier or ARN), each <c>available</c> with its
/// members (the oldest is the writer). Filters: db-cluster-id, db-cluster-resource-id, engine (DocumentDB and Neptune
/// clients pass <c>engine=docdb</c> / <c>engine=neptune</c>); Marker/MaxRecords paging.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBClusters.html
/// </summary>
[AwsService("rds")]
public static class DescribeDBClusters
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBClusterIdentifier { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
        public bool? IncludeShared { get; init; }
    }

    public sealed record Result(IReadOnlyList<DBClusterShape> DBClusters, string? Marker);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var predicate = RdsViews.ClusterFilters.Compile(command.Filters);
            var rows = await store.ListAsync(RdsNames.Service, RdsNames.ClusterKind, cancellationToken);
            if (command.DBClusterIdentifier is { } id)
            {
                var wanted = id.ToLowerInvariant();
                rows = rows.Where(r => r.Name == wanted || r.Arn == id).ToList();
                if (rows.Count == 0) throw RdsErrors.ClusterNotFound(id);
            }
            var page = MarkerPage.Rds(rows.Where(predicate), r => r.Name, command.MaxRecords, command.Marker);
            var context = await RdsViews.Context.LoadAsync(db, store, cancellationToken);
            return new Result(page.Items.Select(r => context.Cluster(r, store.Region)).ToList(), page.Marker);
        }
    }
}

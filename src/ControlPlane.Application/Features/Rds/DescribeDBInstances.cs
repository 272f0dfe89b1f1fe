using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Lists DB instances in identifier order, or the one named (by identifier or ARN), each <c>available</c>. Filters:
/// db-instance-id, db-cluster-id, dbi-resource-id, engine; Marker/MaxRecords paging.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBInstances.html
/// </summary>
[AwsService("rds")]
public static class DescribeDBInstances
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBInstanceIdentifier { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
    }

    public sealed record Result(IReadOnlyList<DBInstanceShape> DBInstances, string? Marker);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var predicate = RdsViews.InstanceFilters.Compile(command.Filters);
            var rows = await store.ListAsync(RdsNames.Service, RdsNames.InstanceKind, cancellationToken);
            if (command.DBInstanceIdentifier is { } id)
            {
                var wanted = id.ToLowerInvariant();
                rows = rows.Where(r => r.Name == wanted || r.Arn == id).ToList();
                if (rows.Count == 0) throw RdsErrors.InstanceNotFound(id);
            }
            var page = MarkerPage.Rds(rows.Where(predicate), r => r.Name, command.MaxRecords, command.Marker);
            var context = await RdsViews.Context.LoadAsync(db, store, cancellationToken);
            return new Result(page.Items.Select(r => context.Instance(r, store.Region)).ToList(), page.Marker);
        }
    }
}

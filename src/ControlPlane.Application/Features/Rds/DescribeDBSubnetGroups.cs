using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Lists DB subnet groups in name order (with the default VPC's <c>default</c> group), or the one named.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBSubnetGroups.html
/// </summary>
[AwsService("rds")]
public static class DescribeDBSubnetGroups
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBSubnetGroupName { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
    }

    public sealed record Result(IReadOnlyList<DBSubnetGroupShape> DBSubnetGroups, string? Marker);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var predicate = RdsViews.SubnetGroupFilters.Compile(command.Filters);
            List<RdsSubnetGroups.Group> groups;
            if (command.DBSubnetGroupName is { } name)
                groups = [await RdsSubnetGroups.FindAsync(db, store, name, cancellationToken) ?? throw RdsErrors.SubnetGroupNotFound(name)];
            else
                groups = await RdsSubnetGroups.ListAsync(db, store, cancellationToken);
            var page = MarkerPage.Rds(groups.Where(predicate), g => g.Name, command.MaxRecords, command.Marker);
            return new Result(page.Items.Select(RdsSubnetGroups.ToShape).ToList(), page.Marker);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// Lists instances grouped by reservation, by id and by filter (every filter AWS lists). Stored states are settled
/// (running, stopped, terminated); terminated instances show for an hour, then are gone.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstances.html
/// </summary>
public static class DescribeInstances
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? InstanceIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? IncludeManagedResources { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(IReadOnlyList<InstanceShapes.Reservation> Reservations, string? NextToken);

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, TimeProvider time) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.InstanceIds is { Count: > 0 } && command.MaxResults is not null) throw Ec2Errors.MaxResultsWithIds("InstanceIds");
            var match = InstanceViews.Filters.Compile(command.Filters);
            var instances = await db.LoadInstancesAsync(command.InstanceIds, time.GetUtcNow(), tracked: false, cancellationToken);
            var rows = (await db.LoadRowsAsync(tags, instances, cancellationToken)).Where(match);
            var page = Page.Take(rows, r => r.Instance.Id, command);
            var reservations = page.Items.GroupBy(r => r.Instance.ReservationId)
                .Select(g => new InstanceShapes.Reservation(g.Key, g.First().Instance.AccountId, [],
                    g.OrderBy(r => r.Instance.AmiLaunchIndex).Select(r => InstanceViews.ToShape(r)).ToList()))
                .ToList();
            return new Result(reservations, page.NextToken);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// CPU credit options of burstable (t*) instances: as launched, else <c>standard</c> for t2 and <c>unlimited</c> for the
/// later families. Other types are left out, as on AWS.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceCreditSpecifications.html
/// </summary>
public static class DescribeInstanceCreditSpecifications
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<string>? InstanceIds { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record InstanceCreditSpecification(string InstanceId, string CpuCredits);

    public sealed record Result(IReadOnlyList<InstanceCreditSpecification> InstanceCreditSpecifications, string? NextToken);

    private static readonly FilterTable<InstanceCreditSpecification> Filters = new(new Dictionary<string, Func<InstanceCreditSpecification, IEnumerable<string?>>>
    {
        ["instance-id"] = s => FilterValues.One(s.InstanceId),
    }, null);

    public sealed class Handler(ControlPlaneDbContext db, TimeProvider time) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = Filters.Compile(command.Filters);
            var instances = await db.LoadInstancesAsync(command.InstanceIds, time.GetUtcNow(), tracked: false, cancellationToken);
            var specs = instances.Where(i => i.State != "terminated")
                .Select(i => (Instance: i, Type: InstanceTypeCatalog.Find(i.InstanceType)))
                .Where(x => x.Type is { Burstable: true })
                .Select(x => new InstanceCreditSpecification(x.Instance.Id, x.Instance.CpuCredits ?? x.Type!.DefaultCredits))
                .Where(match);
            var page = Page.Take(specs, s => s.InstanceId, command, min: 5, max: 1000);
            return new Result(page.Items, page.NextToken);
        }
    }
}

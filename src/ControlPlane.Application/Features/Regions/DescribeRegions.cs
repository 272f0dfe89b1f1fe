using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Regions;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html</summary>
public static class DescribeRegions
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? RegionNames { get; init; }
        public bool? AllRegions { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Region(string RegionName, string Endpoint, string OptInStatus);

    public sealed record Result(IReadOnlyList<Region> Regions);

    private static readonly FilterTable<Region> Table = new(new Dictionary<string, Func<Region, IEnumerable<string?>>>
    {
        ["endpoint"] = r => FilterValues.One(r.Endpoint),
        ["region-name"] = r => FilterValues.One(r.RegionName),
        ["opt-in-status"] = r => FilterValues.One(r.OptInStatus),
    }, null);

    public sealed class Handler : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var regions = RegionCatalog.Regions.Select(r => new Region(r.Name, $"ec2.{r.Name}.amazonaws.com", "opt-in-not-required")).ToList();
            var unknown = (command.RegionNames ?? []).FirstOrDefault(n => !RegionCatalog.IsKnown(n));
            if (unknown is not null) throw Domain.Errors.Ec2Errors.InvalidRegion(unknown);
            var selected = Table.Apply(regions, command.Filters)
                .Where(r => command.RegionNames is not { Count: > 0 } names || names.Contains(r.RegionName));
            return Task.FromResult(new Result(selected.ToList()));
        }
    }
}

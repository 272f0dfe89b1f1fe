using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Regions;

/// <summary>The request's region's zones. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html</summary>
public static class DescribeAvailabilityZones
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public IReadOnlyList<string>? ZoneNames { get; init; }
        public IReadOnlyList<string>? ZoneIds { get; init; }
        public bool? AllAvailabilityZones { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record AvailabilityZone(
        string ZoneName, string ZoneId, string RegionName, string State, string OptInStatus, string GroupName,
        string NetworkBorderGroup, string ZoneType, IReadOnlyList<object> Messages);

    public sealed record Result(IReadOnlyList<AvailabilityZone> AvailabilityZones);

    private static readonly FilterTable<AvailabilityZone> Table = new(new Dictionary<string, Func<AvailabilityZone, IEnumerable<string?>>>
    {
        ["group-name"] = z => FilterValues.One(z.GroupName),
        ["message"] = _ => [],
        ["opt-in-status"] = z => FilterValues.One(z.OptInStatus),
        ["region-name"] = z => FilterValues.One(z.RegionName),
        ["state"] = z => FilterValues.One(z.State),
        ["zone-id"] = z => FilterValues.One(z.ZoneId),
        ["zone-name"] = z => FilterValues.One(z.ZoneName),
        ["zone-type"] = z => FilterValues.One(z.ZoneType),
        ["network-border-group"] = z => FilterValues.One(z.NetworkBorderGroup),
    }, null);

    public sealed class Handler(RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var zones = RegionCatalog.Get(request.Region).Zones
                .Select(z => new AvailabilityZone(z.ZoneName, z.ZoneId, z.RegionName, "available", "opt-in-not-required", z.RegionName, z.RegionName, "availability-zone", []))
                .ToList();
            var missing = (command.ZoneNames ?? []).Where(n => zones.All(z => z.ZoneName != n))
                .Concat((command.ZoneIds ?? []).Where(n => zones.All(z => z.ZoneId != n))).FirstOrDefault();
            if (missing is not null) throw Ec2Errors.InvalidParameterValue($"The zone '{missing}' does not exist.");
            var selected = Table.Apply(zones, command.Filters)
                .Where(z => command.ZoneNames is not { Count: > 0 } names || names.Contains(z.ZoneName))
                .Where(z => command.ZoneIds is not { Count: > 0 } ids || ids.Contains(z.ZoneId));
            return Task.FromResult(new Result(selected.ToList()));
        }
    }
}

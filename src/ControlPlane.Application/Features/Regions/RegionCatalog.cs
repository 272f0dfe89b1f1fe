using System.Collections.Frozen;

namespace ControlPlane.Application.Features.Regions;

public sealed record ZoneInfo(string ZoneName, string ZoneId, string RegionName);

public sealed record RegionInfo(string Name, string Prefix, int ZoneCount)
{
    /// <summary>Zones <c>{region}a</c>, <c>b</c>, …; zone ids follow AWS's <c>use1-az1</c> form.</summary>
    public IReadOnlyList<ZoneInfo> Zones { get; } = Enumerable.Range(0, ZoneCount)
        .Select(i => new ZoneInfo($"{Name}{(char)('a' + i)}", $"{Prefix}-az{i + 1}", Name)).ToArray();
}

/// <summary>
/// The commercial regions with their availability zones. A region outside the list (clients may skip region
/// validation) still works, with three zones a-c, so nothing a client sends is refused for its region alone.
/// https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
/// </summary>
public static class RegionCatalog
{
    public static readonly IReadOnlyList<RegionInfo> Regions =
    [
        new("us-east-1", "use1", 6), new("us-east-2", "use2", 3), new("us-west-1", "usw1", 2), new("us-west-2", "usw2", 4),
        new("ca-central-1", "cac1", 3), new("eu-west-1", "euw1", 3), new("eu-west-2", "euw2", 3), new("eu-west-3", "euw3", 3),
        new("eu-central-1", "euc1", 3), new("eu-north-1", "eun1", 3), new("ap-south-1", "aps1", 3), new("ap-northeast-1", "apne1", 3),
        new("ap-northeast-2", "apne2", 4), new("ap-northeast-3", "apne3", 3), new("ap-southeast-1", "apse1", 3),
        new("ap-southeast-2", "apse2", 3), new("sa-east-1", "sae1", 3),
    ];

    private static readonly FrozenDictionary<string, RegionInfo> ByName = Regions.ToFrozenDictionary(r => r.Name);

    public static RegionInfo Get(string region) =>
        ByName.TryGetValue(region, out var info) ? info : new RegionInfo(region, region.Replace("-", "", StringComparison.Ordinal), 3);

    public static bool IsKnown(string region) => ByName.ContainsKey(region);
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>How paths and analyses read on the wire, and the filter tables of their Describe actions.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInsightsPaths.html
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkInsightsAnalyses.html</summary>
public static class NetworkInsightsViews
{
    public const string PathResourceType = "network-insights-path";
    public const string AnalysisResourceType = "network-insights-analysis";

    public const string Running = "running";
    public const string Succeeded = "succeeded";

    /// <summary>Describe's MaxResults bounds for both actions (the model's NetworkInsightsMaxResults).</summary>
    public const int MinPageSize = 1;
    public const int MaxPageSize = 100;

    private static readonly JsonSerializerOptions FindingsJson = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public sealed record PathRow(NetworkInsightsPath Path, IReadOnlyList<Shape.Tag> Tags);

    public sealed record AnalysisRow(NetworkInsightsAnalysis Analysis, IReadOnlyList<Shape.Tag> Tags);

    public static NetworkInsightsPathShape ToShape(PathRow row, RequestContext request)
    {
        var p = row.Path;
        return new NetworkInsightsPathShape(
            p.Id, request.Arn(PathResourceType, p.Id), p.CreatedDate, p.Source, p.Destination, p.SourceArn, p.DestinationArn,
            p.SourceIp, p.DestinationIp, p.Protocol, p.DestinationPort, row.Tags, ToShape(p.FilterAtSource), ToShape(p.FilterAtDestination));
    }

    private static PathFilterShape? ToShape(PathFilter? f) => f is null ? null : new PathFilterShape(
        f.SourceAddress, ToShape(f.SourcePortRange), f.DestinationAddress, ToShape(f.DestinationPortRange));

    private static FilterPortRange? ToShape(PortSpanFilter? r) => r is null ? null : new FilterPortRange(r.FromPort, r.ToPort);

    /// <summary>
    /// An analysis as Describe shows it: with its findings once it has succeeded. StartNetworkInsightsAnalysis answers
    /// the same analysis while it runs, without findings (<paramref name="running"/>), as AWS does.
    /// </summary>
    public static NetworkInsightsAnalysisShape ToShape(AnalysisRow row, RequestContext request, bool running = false)
    {
        var a = row.Analysis;
        var findings = running ? null : ReadFindings(a.Findings);
        return new NetworkInsightsAnalysisShape(
            a.Id, request.Arn(AnalysisResourceType, a.Id), a.NetworkInsightsPathId, a.StartDate,
            running ? Running : a.Status, running ? null : a.StatusMessage, findings?.WarningMessage,
            findings?.NetworkPathFound, findings?.ForwardPathComponents, findings?.ReturnPathComponents, findings?.Explanations, row.Tags);
    }

    public static string WriteFindings(AnalysisFindings findings) => JsonSerializer.Serialize(findings, FindingsJson);

    private static AnalysisFindings? ReadFindings(string json) => JsonSerializer.Deserialize<AnalysisFindings>(json, FindingsJson);

    /// <summary>A port range filter value: <c>from-to</c>, or the one port when the range has one.</summary>
    private static IEnumerable<string?> Range(PortSpanFilter? r)
    {
        if (r is null) return [];
        var from = r.FromPort?.ToString(CultureInfo.InvariantCulture);
        var to = r.ToPort?.ToString(CultureInfo.InvariantCulture);
        return from == to ? [from, $"{from}-{to}"] : [$"{from}-{to}"];
    }

    public static readonly FilterTable<PathRow> PathFilters = new(new Dictionary<string, Func<PathRow, IEnumerable<string?>>>
    {
        ["destination"] = r => [r.Path.Destination, r.Path.DestinationArn],
        ["source"] = r => [r.Path.Source, r.Path.SourceArn],
        ["protocol"] = r => FilterValues.One(r.Path.Protocol),
        ["filter-at-source.source-address"] = r => FilterValues.One(r.Path.FilterAtSource?.SourceAddress),
        ["filter-at-source.source-port-range"] = r => Range(r.Path.FilterAtSource?.SourcePortRange),
        ["filter-at-source.destination-address"] = r => FilterValues.One(r.Path.FilterAtSource?.DestinationAddress),
        ["filter-at-source.destination-port-range"] = r => Range(r.Path.FilterAtSource?.DestinationPortRange),
        ["filter-at-destination.source-address"] = r => FilterValues.One(r.Path.FilterAtDestination?.SourceAddress),
        ["filter-at-destination.source-port-range"] = r => Range(r.Path.FilterAtDestination?.SourcePortRange),
        ["filter-at-destination.destination-address"] = r => FilterValues.One(r.Path.FilterAtDestination?.DestinationAddress),
        ["filter-at-destination.destination-port-range"] = r => Range(r.Path.FilterAtDestination?.DestinationPortRange),
    }, r => r.Tags);

    public static readonly FilterTable<AnalysisRow> AnalysisFilters = new(new Dictionary<string, Func<AnalysisRow, IEnumerable<string?>>>
    {
        ["path-found"] = r => r.Analysis.NetworkPathFound is { } found ? FilterValues.Bool(found) : [],
        ["status"] = r => FilterValues.One(r.Analysis.Status),
    }, r => r.Tags);
}

using System.Net;
using ControlPlane.Domain.Model;
using ControlPlane.Reachability.Answers;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Application.Features.NetworkInsights;

/// <summary>
/// A stored path as the evaluator's question. The Reachability Analyzer evaluates the return path on any of the
/// client's source ports (RequireAllSourcePorts off) and, with no source port range given, on every port 0–65535, as
/// AWS's own answers show (its example return headers carry destination ports 0–65535). SourceIp and
/// FilterAtSource.SourceAddress pin the source address; DestinationIp and the filters' DestinationAddress pin the
/// destination's (or, with no Destination, are the destination).
/// https://docs.aws.amazon.com/vpc/latest/reachability/getting-started-cli.html
/// </summary>
public static class PathQueries
{
    /// <summary>The query, or null when an end of the path is a kind the evaluator does not take (see <see cref="Unsupported"/>).</summary>
    public static ReachabilityQuery? ToQuery(NetworkInsightsPath path)
    {
        var source = PathEndpoints.ToEndpoint(path.Source);
        var destination = path.Destination is { } id ? PathEndpoints.ToEndpoint(id) : new Endpoint.Address(IPAddress.Parse(path.FilterAtSource!.DestinationAddress!));
        if (source is null || destination is null) return null;
        var (atSource, atDestination) = (path.FilterAtSource, path.FilterAtDestination);
        var destinationPorts = atSource?.DestinationPortRange ?? atDestination?.DestinationPortRange;
        var sourcePorts = atSource?.SourcePortRange ?? atDestination?.SourcePortRange;
        return new ReachabilityQuery
        {
            Source = source,
            Destination = destination,
            Protocol = NetworkInsightsRules.ProtocolNumber(path.Protocol)!.Value,
            DestinationPort = path.DestinationPort ?? (destinationPorts is { FromPort: { } from, ToPort: { } to } && from == to ? from : null),
            SourcePorts = sourcePorts is null ? PortSpan.All : new PortSpan(sourcePorts.FromPort ?? 0, sourcePorts.ToPort ?? 65535),
            RequireAllSourcePorts = false,
            SourceAddress = Address(path.SourceIp ?? atSource?.SourceAddress ?? atDestination?.SourceAddress),
            DestinationAddress = Address(path.DestinationIp ?? (path.Destination is null ? null : atSource?.DestinationAddress) ?? atDestination?.DestinationAddress),
        };
    }

    /// <summary>
    /// A destination port range of more than one port, short of every port, is evaluated as any port (the query takes one
    /// port or all): the answer says so rather than pretending to have checked exactly the range.
    /// </summary>
    public static string? Warning(NetworkInsightsPath path) =>
        (path.FilterAtSource?.DestinationPortRange ?? path.FilterAtDestination?.DestinationPortRange) is { } r
        && r.FromPort != r.ToPort && (r.FromPort ?? 0, r.ToPort ?? 65535) != (0, 65535)
            ? $"The destination port range {r.FromPort ?? 0}-{r.ToPort ?? 65535} was evaluated as any destination port."
            : null;

    /// <summary>An end the evaluator does not take (a VPC peering connection): UNSUPPORTED_COMPONENT naming it, no path found.</summary>
    public static PathAnalysis Unsupported(NetworkInsightsPath path)
    {
        var end = PathEndpoints.ToEndpoint(path.Source) is null ? path.Source : path.Destination!;
        return new PathAnalysis
        {
            ForwardPathFound = false,
            ReturnPathFound = false,
            Explanations = [new Explanation { Code = "UNSUPPORTED_COMPONENT", Component = new ComponentRef(PathEndpoints.ComponentType(end), end) }],
            SourcePorts = PortSpan.All,
            SourcePortOrigin = "query",
        };
    }

    private static IPAddress? Address(string? text) => text is null ? null : IPAddress.Parse(text);
}

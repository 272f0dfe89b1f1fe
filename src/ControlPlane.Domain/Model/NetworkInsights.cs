namespace ControlPlane.Domain.Model;

/// <summary>
/// A Reachability Analyzer path (<c>nip-…</c>): what to analyse, kept so it can be analysed again and again. Source and
/// destination are kept as given (an id or an ARN); the ARNs are those of the resources they named when the path was made.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInsightsPath.html
/// </summary>
public sealed class NetworkInsightsPath : Resource
{
    public required string Source { get; init; }
    public required string SourceArn { get; init; }
    public string? Destination { get; init; }
    public string? DestinationArn { get; init; }
    public string? SourceIp { get; init; }
    public string? DestinationIp { get; init; }

    /// <summary><c>tcp</c> or <c>udp</c>, lower case whatever the request's case.</summary>
    public required string Protocol { get; init; }
    public int? DestinationPort { get; init; }
    public PathFilter? FilterAtSource { get; init; }
    public PathFilter? FilterAtDestination { get; init; }
    public required DateTimeOffset CreatedDate { get; init; }
}

/// <summary>The packet a path is scoped to at its source or its destination (AWS's PathFilter); every part optional.</summary>
public sealed record PathFilter(string? SourceAddress, PortSpanFilter? SourcePortRange, string? DestinationAddress, PortSpanFilter? DestinationPortRange);

/// <summary>An inclusive port range of a <see cref="PathFilter"/>; a missing end is open.</summary>
public sealed record PortSpanFilter(int? FromPort, int? ToPort);

/// <summary>
/// One run of a path (<c>nia-…</c>). The emulator analyses the state of the moment at once; <see cref="Findings"/> holds
/// the answer as the API shows it (forward and return path components, explanations), serialized; the queryable parts
/// (status, whether a path was found, when it started, which path) are columns of their own.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInsightsAnalysis.html
/// </summary>
public sealed class NetworkInsightsAnalysis : Resource
{
    public required string NetworkInsightsPathId { get; init; }

    /// <summary><c>running</c>, <c>succeeded</c> or <c>failed</c>.</summary>
    public required string Status { get; init; }
    public string? StatusMessage { get; init; }
    public bool? NetworkPathFound { get; init; }
    public required DateTimeOffset StartDate { get; init; }

    /// <summary>The serialized answer (JSON): its shape is the Application layer's, the store only keeps the text.</summary>
    public required string Findings { get; init; }
}

using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Answers;

/// <summary>
/// Reachability between every ordered pair of a list of interfaces on one protocol/port (README §6): row i, column j is
/// <c>Analyze(InterfaceIds[i] → InterfaceIds[j]).NetworkPathFound</c>, with the first explanation code of a blocked pair.
/// </summary>
public sealed record ReachabilityMatrix
{
    public required IReadOnlyList<string> InterfaceIds { get; init; }
    public required int Protocol { get; init; }
    public int? Port { get; init; }
    public bool Ipv6 { get; init; }
    public required IReadOnlyList<MatrixRow> Rows { get; init; }

    /// <summary>How many ordered pairs (the diagonal included) are reachable.</summary>
    public int ReachablePairs { get; init; }

    public required PortSpan SourcePorts { get; init; }
    public required string SourcePortOrigin { get; init; }
}

/// <summary>One source's row: for each destination (in <see cref="ReachabilityMatrix.InterfaceIds"/> order) whether it is reachable, and the first blocking code if not.</summary>
public sealed record MatrixRow(string SourceInterfaceId, IReadOnlyList<bool> Reachable, IReadOnlyList<string?> BlockingCodes);

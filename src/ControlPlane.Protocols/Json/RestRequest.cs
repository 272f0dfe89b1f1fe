namespace ControlPlane.Protocols.Json;

/// <summary>
/// The parts of an HTTP request a JSON-protocol binder reads: the URI labels the router matched, the query string,
/// the headers (looked up case-insensitively by the caller's function) and the body.
/// </summary>
public sealed record RestRequest(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    Func<string, string?> Header,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>A json-protocol request: everything is in the body.</summary>
    public static RestRequest BodyOnly(ReadOnlyMemory<byte> body) =>
        new(new Dictionary<string, string>(), [], _ => null, body);
}

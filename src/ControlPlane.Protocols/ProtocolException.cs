namespace ControlPlane.Protocols;

/// <summary>A request the wire layer rejects before any handler sees it, carrying the AWS error code.</summary>
public sealed class ProtocolException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

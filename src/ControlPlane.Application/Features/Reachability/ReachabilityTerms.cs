using System.Globalization;
using System.Net;
using ControlPlane.Reachability.Queries;

namespace ControlPlane.Application.Features.Reachability;

/// <summary>
/// How the REST API names what the evaluator takes: endpoints as text (<c>eni-…</c>, an IP address, <c>internet</c> or an
/// internet gateway id, or any resource that owns interfaces by id, ARN or name) and protocols by name or number.
/// </summary>
public static class ReachabilityTerms
{
    /// <summary>The service name the REST-only reachability actions are registered under (no AWS endpoint answers them).</summary>
    public const string Service = "controlplane";

    public const string Internet = "internet";

    public static Endpoint ParseEndpoint(string text)
    {
        if (text.Equals(Internet, StringComparison.OrdinalIgnoreCase)) return new Endpoint.Internet();
        if (text.StartsWith("igw-", StringComparison.Ordinal)) return new Endpoint.Internet(text);
        if (text.StartsWith("eni-", StringComparison.Ordinal)) return new Endpoint.Interface(text);
        if (IPAddress.TryParse(text, out var address) && text.Contains(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? ':' : '.'))
            return new Endpoint.Address(address);
        return new Endpoint.Resource(text);
    }

    /// <summary><c>tcp</c>, <c>udp</c>, <c>icmp</c>, <c>icmpv6</c>, <c>all</c> (or <c>-1</c>), or an IANA number 0–255.</summary>
    public static bool TryParseProtocol(string? text, out int protocol)
    {
        protocol = text?.ToLowerInvariant() switch
        {
            "tcp" => 6,
            "udp" => 17,
            "icmp" => 1,
            "icmpv6" => 58,
            "all" or "-1" => -1,
            { } number when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 255 => n,
            _ => int.MinValue,
        };
        return protocol != int.MinValue;
    }

    public static bool TryParseClientProfile(string? text, out ClientProfile profile) =>
        Enum.TryParse(text?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out profile) && Enum.IsDefined(profile);
}

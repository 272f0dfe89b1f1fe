using System.Globalization;
using System.Text.Json;

namespace ControlPlane.Protocols.Json;

/// <summary>
/// The JSON protocols send timestamps as epoch seconds (with a fraction) unless the model says <c>iso8601</c>;
/// headers default to RFC 822 (https://smithy.io/2.0/spec/protocol-traits.html#timestampformat-trait).
/// </summary>
internal static class Timestamps
{
    public static DateTimeOffset? Read(JsonElement json, string? format) => json.ValueKind switch
    {
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(json.GetDouble() * 1000)),
        JsonValueKind.String => Parse(json.GetString()!),
        _ => null,
    };

    public static DateTimeOffset? Parse(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

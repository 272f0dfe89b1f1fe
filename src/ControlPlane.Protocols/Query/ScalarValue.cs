using System.Globalization;
using System.Text.Json.Nodes;
using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols.Query;

/// <summary>Parses a query-string value the way botocore's QuerySerializer writes it (booleans `true`/`false`, invariant numbers).</summary>
internal static class ScalarValue
{
    public static JsonValue Parse(ScalarShape shape, string value, string wireName) => shape.Type switch
    {
        ScalarType.Integer when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
        ScalarType.Long when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        ScalarType.Double or ScalarType.Float when ParseFinite(value) is { } d => JsonValue.Create(d),
        ScalarType.Boolean when value.Equals("true", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(true),
        ScalarType.Boolean when value.Equals("false", StringComparison.OrdinalIgnoreCase) => JsonValue.Create(false),
        ScalarType.String or ScalarType.Timestamp or ScalarType.Blob => JsonValue.Create(value),
        _ => throw ProtocolErrors.InvalidValue(value, wireName),
    };

    private static double? ParseFinite(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
}

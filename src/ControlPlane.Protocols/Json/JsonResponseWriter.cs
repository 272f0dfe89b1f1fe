using System.Buffers;
using System.Globalization;
using System.Text.Json;
using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols.Json;

/// <summary>
/// Writes json and rest-json responses, the documents botocore's JSONParser and RestJSONParser read
/// (https://github.com/boto/botocore/blob/develop/botocore/parsers.py): body properties by wire name, timestamps as
/// epoch seconds unless the model says otherwise, and for rest-json the members the model puts in headers or the
/// status code.
/// </summary>
public static class JsonResponseWriter
{
    /// <param name="result">The operation's output keyed by the model's member names; null members are omitted.</param>
    /// <exception cref="InvalidOperationException">The result does not fit the output shape.</exception>
    public static RestResponse WriteResult(ServiceModel model, string operation, JsonElement result, IBufferWriter<byte> body)
    {
        if (!model.TryGetOperation(operation, out var op))
            throw new ArgumentException($"{operation} is not an operation of this model.", nameof(operation));

        var status = op.Http.ResponseCode;
        var headers = new List<KeyValuePair<string, string>>();
        using var json = new Utf8JsonWriter(body);
        var shape = op.Output ?? StructureShape.Empty;
        var hasResult = result.ValueKind == JsonValueKind.Object;
        if (shape.Payload is { } payload)
        {
            if (hasResult && TryGetMember(result, payload.Name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                Value(json, payload.Shape, value, payload.TimestampFormat);
            }
            else
            {
                // An absent payload still answers a JSON object.
                json.WriteStartObject();
                json.WriteEndObject();
            }
        }
        else
        {
            json.WriteStartObject();
            if (hasResult) Members(json, shape, result, MemberLocation.Body);
            json.WriteEndObject();
        }
        if (hasResult)
        {
            foreach (var member in shape.Members)
            {
                if (!TryGetMember(result, member.Name, out var value) || value.ValueKind == JsonValueKind.Null) continue;
                if (member.Location == MemberLocation.Header) headers.Add(KeyValuePair.Create(member.WireName, HeaderText(member, value)));
                if (member.Location == MemberLocation.StatusCode) status = value.GetInt32();
            }
        }
        json.Flush();
        return new RestResponse(status, headers, ContentType(model));
    }

    /// <summary>
    /// An error: the code in <c>__type</c> (json) and in the <c>x-amzn-ErrorType</c> header (rest-json; botocore reads
    /// either), the message in <c>message</c>, and any further members of the error's shape by wire name.
    /// </summary>
    public static RestResponse WriteError(ServiceModel model, string code, string message, int status, IBufferWriter<byte> body,
        IReadOnlyDictionary<string, string>? members = null)
    {
        using var json = new Utf8JsonWriter(body);
        json.WriteStartObject();
        json.WriteString("__type", code);
        json.WriteString("message", message);
        foreach (var (name, value) in members ?? new Dictionary<string, string>()) json.WriteString(name, value);
        json.WriteEndObject();
        json.Flush();
        return new RestResponse(status, [KeyValuePair.Create("x-amzn-ErrorType", code)], ContentType(model));
    }

    /// <summary>
    /// A result property by member name, ignoring case: results are .NET records (<c>ClusterArn</c>) while JSON models
    /// often name members in camel case (<c>clusterArn</c>); no shape has two members that differ only in case.
    /// </summary>
    private static bool TryGetMember(JsonElement result, string name, out JsonElement value)
    {
        if (result.TryGetProperty(name, out value)) return true;
        foreach (var property in result.EnumerateObject())
        {
            if (!string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) continue;
            value = property.Value;
            return true;
        }
        return false;
    }

    private static string ContentType(ServiceModel model) =>
        model.Protocol == "json" ? $"application/x-amz-json-{model.JsonVersion ?? "1.1"}" : "application/json";

    private static void Members(Utf8JsonWriter json, StructureShape shape, JsonElement value, MemberLocation only)
    {
        foreach (var property in value.EnumerateObject())
        {
            var member = shape.Members.FirstOrDefault(m => string.Equals(m.Name, property.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"'{property.Name}' is not a member of {shape.Name}; results must use the model's member names.");
            if (member.Location != only || property.Value.ValueKind == JsonValueKind.Null) continue;
            json.WritePropertyName(member.Utf8WireName);
            Value(json, member.Shape, property.Value, member.TimestampFormat);
        }
    }

    private static void Value(Utf8JsonWriter json, Shape shape, JsonElement value, string? timestampFormat)
    {
        switch (shape)
        {
            case StructureShape structure:
                Require(value, JsonValueKind.Object, shape);
                json.WriteStartObject();
                Members(json, structure, value, MemberLocation.Body);
                json.WriteEndObject();
                break;
            case ListShape list:
                Require(value, JsonValueKind.Array, shape);
                json.WriteStartArray();
                foreach (var item in value.EnumerateArray()) Value(json, list.Item, item, null);
                json.WriteEndArray();
                break;
            case MapShape map:
                Require(value, JsonValueKind.Object, shape);
                json.WriteStartObject();
                foreach (var entry in value.EnumerateObject())
                {
                    json.WritePropertyName(entry.Name);
                    Value(json, map.Value, entry.Value, null);
                }
                json.WriteEndObject();
                break;
            case ScalarShape { Type: ScalarType.Timestamp } when value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time):
                if (timestampFormat is "iso8601") json.WriteStringValue(Timestamps.Iso(time));
                else json.WriteNumberValue(time.ToUnixTimeMilliseconds() / 1000m);
                break;
            case ScalarShape:
                if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    throw new InvalidOperationException($"A {value.ValueKind} cannot be written as {shape.Name}.");
                value.WriteTo(json);
                break;
        }
    }

    private static string HeaderText(Member member, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when member.Shape is ScalarShape { Type: ScalarType.Timestamp } && value.TryGetDateTimeOffset(out var time) =>
            time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static void Require(JsonElement value, JsonValueKind kind, Shape shape)
    {
        if (value.ValueKind != kind)
            throw new InvalidOperationException($"A {value.ValueKind} cannot be written as {shape.Name}, which needs a {kind}.");
    }
}

/// <summary>What to answer besides the body: the status, the headers the model places members in, the content type.</summary>
public sealed record RestResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, string ContentType);

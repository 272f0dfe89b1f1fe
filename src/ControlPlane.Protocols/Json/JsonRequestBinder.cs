using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols.Json;

/// <summary>
/// Binds a json or rest-json request to the operation's input shape, the inverse of botocore's JSONSerializer and
/// RestJSONSerializer (https://github.com/boto/botocore/blob/develop/botocore/serialize.py): body properties by their
/// wire names, and for rest-json the URI labels, query parameters and headers the model places members in. The result
/// is keyed by the model's member names, as the query binder's is; timestamps become ISO 8601 text.
/// Unknown body properties are ignored, as AWS's JSON services do.
/// </summary>
public static class JsonRequestBinder
{
    /// <exception cref="ProtocolException"><c>SerializationException</c> for a body that is not the shape's JSON,
    /// <c>ValidationException</c> for a missing required member.</exception>
    public static JsonObject Bind(ServiceModel model, string operation, RestRequest request)
    {
        if (!model.TryGetOperation(operation, out var op))
            throw JsonErrors.UnknownOperation(operation);

        var input = op.Input;
        var bound = new JsonObject();
        if (input.Payload is { } payload)
        {
            if (!request.Body.IsEmpty && ReadBody(request.Body) is { } document) bound[payload.Name] = Value(payload.Shape, document, payload.WireName);
        }
        else if (!request.Body.IsEmpty && ReadBody(request.Body) is { } body)
        {
            if (body.ValueKind != JsonValueKind.Object) throw JsonErrors.Serialization($"Expected an object for {input.Name}, found {body.ValueKind}");
            foreach (var (name, value) in Structure(input, body)) bound[name] = value;
        }

        foreach (var member in input.Members)
        {
            var value = member.Location switch
            {
                MemberLocation.Uri => request.Labels.TryGetValue(member.WireName, out var label) ? Text(member, label) : null,
                MemberLocation.QueryString => Query(member, request.Query),
                MemberLocation.Header => request.Header(member.WireName) is { } header ? Text(member, header) : null,
                _ => null,
            };
            if (value is not null) bound[member.Name] = value;
        }

        foreach (var member in input.Required)
        {
            if (!bound.ContainsKey(member.Name)) throw JsonErrors.MissingMember(member.WireName);
        }
        return bound;
    }

    private static JsonElement? ReadBody(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw JsonErrors.Serialization($"The request body is not valid JSON: {e.Message}");
        }
    }

    private static IEnumerable<(string Name, JsonNode Value)> Structure(StructureShape shape, JsonElement json)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null || !shape.TryGetByWireName(property.Name, out var member)) continue;
            yield return (member.Name, Value(member.Shape, property.Value, property.Name, member.TimestampFormat));
        }
    }

    private static JsonNode Value(Shape shape, JsonElement json, string wireName, string? timestampFormat = null)
    {
        switch (shape)
        {
            case StructureShape structure:
                Require(json, JsonValueKind.Object, wireName);
                var node = new JsonObject();
                foreach (var (name, value) in Structure(structure, json)) node[name] = value;
                return node;
            case ListShape list:
                Require(json, JsonValueKind.Array, wireName);
                return new JsonArray(json.EnumerateArray().Where(i => i.ValueKind != JsonValueKind.Null).Select(i => Value(list.Item, i, wireName)).ToArray());
            case MapShape map:
                Require(json, JsonValueKind.Object, wireName);
                var entries = new JsonObject();
                foreach (var entry in json.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Null) entries[entry.Name] = Value(map.Value, entry.Value, wireName);
                }
                return entries;
            case ScalarShape scalar:
                return Scalar(scalar, json, wireName, timestampFormat);
            default:
                throw new NotSupportedException(shape.GetType().Name);
        }
    }

    private static JsonValue Scalar(ScalarShape shape, JsonElement json, string wireName, string? timestampFormat) => shape.Type switch
    {
        ScalarType.String or ScalarType.Blob when json.ValueKind == JsonValueKind.String => JsonValue.Create(json.GetString()!),
        ScalarType.Integer when json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var i) => JsonValue.Create(i),
        ScalarType.Long when json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var l) => JsonValue.Create(l),
        ScalarType.Double or ScalarType.Float when json.ValueKind == JsonValueKind.Number => JsonValue.Create(json.GetDouble()),
        ScalarType.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(json.GetBoolean()),
        ScalarType.Timestamp when Timestamps.Read(json, timestampFormat) is { } time => JsonValue.Create(Timestamps.Iso(time)),
        _ => throw JsonErrors.Serialization($"Unexpected {json.ValueKind} for {wireName} ({shape.Type})"),
    };

    /// <summary>A URI label, query parameter or header value: text, converted to the member's type.</summary>
    private static JsonNode Text(Member member, string text)
    {
        if (member.Shape is ListShape list)
            return new JsonArray(text.Split(',').Select(t => (JsonNode)TextScalar((ScalarShape)list.Item, t.Trim(), member.WireName)).ToArray());
        return TextScalar((ScalarShape)member.Shape, text, member.WireName);
    }

    private static JsonValue TextScalar(ScalarShape shape, string text, string wireName) => shape.Type switch
    {
        ScalarType.String or ScalarType.Blob => JsonValue.Create(text),
        ScalarType.Integer when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
        ScalarType.Long when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        ScalarType.Double or ScalarType.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        ScalarType.Boolean when bool.TryParse(text, out var b) => JsonValue.Create(b),
        ScalarType.Timestamp when Timestamps.Parse(text) is { } time => JsonValue.Create(Timestamps.Iso(time)),
        _ => throw JsonErrors.Serialization($"Invalid value '{text}' for {wireName} ({shape.Type})"),
    };

    private static JsonNode? Query(Member member, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var values = query.Where(p => p.Key == member.WireName).Select(p => p.Value).ToList();
        if (values.Count == 0) return null;
        if (member.Shape is ListShape list)
            return new JsonArray(values.Select(v => (JsonNode)TextScalar((ScalarShape)list.Item, v, member.WireName)).ToArray());
        return TextScalar((ScalarShape)member.Shape, values[0], member.WireName);
    }

    private static void Require(JsonElement json, JsonValueKind kind, string wireName)
    {
        if (json.ValueKind != kind) throw JsonErrors.Serialization($"Expected {kind} for {wireName}, found {json.ValueKind}");
    }
}

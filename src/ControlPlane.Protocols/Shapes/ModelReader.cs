using System.Text.Json;

namespace ControlPlane.Protocols.Shapes;

/// <summary>
/// Reads a botocore service model (trimmed by tools/trim-model) into shapes with precomputed wire names.
/// The naming rules are botocore's: EC2Serializer / QuerySerializer in serialize.py for requests,
/// BaseXMLResponseParser in parsers.py for responses (https://github.com/boto/botocore/tree/develop/botocore).
/// </summary>
internal sealed class ModelReader
{
    private readonly Dictionary<string, JsonElement> _json = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Shape> _shapes = new(StringComparer.Ordinal);
    private readonly bool _ec2;
    private readonly bool _jsonBody;

    private ModelReader(JsonElement shapes, string protocol)
    {
        foreach (var shape in shapes.EnumerateObject())
            _json.Add(shape.Name, shape.Value);
        _ec2 = protocol == "ec2";
        _jsonBody = protocol is "json" or "rest-json";
    }

    public static ServiceModel Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var metadata = root.GetProperty("metadata");
        var protocol = metadata.GetProperty("protocol").GetString()!;
        if (protocol is not ("ec2" or "query" or "json" or "rest-json"))
            throw new NotSupportedException($"The {protocol} protocol is not implemented.");

        var reader = new ModelReader(root.GetProperty("shapes"), protocol);
        var operations = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var operation in root.GetProperty("operations").EnumerateObject())
            operations.Add(operation.Name, reader.ReadOperation(operation.Name, operation.Value));

        return new ServiceModel(
            protocol,
            metadata.GetProperty("apiVersion").GetString()!,
            metadata.TryGetProperty("xmlNamespace", out var ns) ? XmlNamespace(ns.GetString()!) : "",
            operations)
        {
            TargetPrefix = Text(metadata, "targetPrefix"),
            JsonVersion = Text(metadata, "jsonVersion"),
            SigningName = Text(metadata, "signingName") ?? Text(metadata, "endpointPrefix") ?? "",
        };
    }

    private static string? Text(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) ? value.GetString() : null;

    // EC2's model spells its namespace without the trailing slash that every EC2 response carries:
    // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html#API_DescribeSecurityGroups_Examples
    private static string XmlNamespace(string modelled) => modelled.EndsWith('/') ? modelled : modelled + "/";

    private Operation ReadOperation(string name, JsonElement json)
    {
        var input = json.TryGetProperty("input", out var i) ? (StructureShape)Resolve(ShapeName(i)) : StructureShape.Empty;
        StructureShape? output = null;
        var resultWrapper = name + "Result";
        if (json.TryGetProperty("output", out var o))
        {
            output = (StructureShape)Resolve(ShapeName(o));
            if (o.TryGetProperty("resultWrapper", out var wrapper))
                resultWrapper = wrapper.GetString()!;
        }
        HttpBinding? http = null;
        if (json.TryGetProperty("http", out var h))
        {
            http = new HttpBinding(
                Text(h, "method") ?? HttpBinding.Default.Method,
                Text(h, "requestUri") ?? HttpBinding.Default.RequestUri,
                h.TryGetProperty("responseCode", out var code) ? code.GetInt32() : HttpBinding.Default.ResponseCode);
        }
        return new Operation(name, input, output, resultWrapper, http);
    }

    private Shape Resolve(string name)
    {
        if (_shapes.TryGetValue(name, out var resolved))
            return resolved;

        var json = _json[name];
        var type = json.GetProperty("type").GetString()!;
        if (type == "structure")
        {
            // Registered before its members so that recursive references find it.
            var structure = new StructureShape(name);
            _shapes.Add(name, structure);
            structure.Initialize(ReadMembers(json), ReadRequired(json), Text(json, "payload"));
            return structure;
        }

        Shape shape = type switch
        {
            "list" => ReadList(name, json),
            "map" => ReadMap(name, json),
            _ => new ScalarShape(name, ScalarTypeOf(type)),
        };
        _shapes.Add(name, shape);
        return shape;
    }

    private Member[] ReadMembers(JsonElement structure)
    {
        if (!structure.TryGetProperty("members", out var members))
            return [];
        return members.EnumerateObject().Select(m => ReadMember(m.Name, m.Value)).ToArray();
    }

    private static string[] ReadRequired(JsonElement structure) =>
        structure.TryGetProperty("required", out var required)
            ? required.EnumerateArray().Select(r => r.GetString()!).ToArray()
            : [];

    private Member ReadMember(string name, JsonElement reference)
    {
        var shape = Resolve(ShapeName(reference));
        var locationName = LocationName(reference);

        // A flattened list takes its item's name, when it has one, in place of the member's own.
        var xmlName = locationName ?? name;
        if (shape is ListShape { Flattened: true } && LocationName(_json[shape.Name].GetProperty("member")) is { } itemName)
            xmlName = itemName;

        // The JSON protocols name a member by its locationName wherever it goes (body property, URI label, query
        // parameter, header). The query protocol sends members under the names it writes them with; EC2 prefers
        // queryName and capitalises locationName (botocore's EC2Serializer._get_serialized_name).
        string wireName;
        if (_jsonBody)
        {
            var location = Location(reference);
            // A map spread over the query string takes every parameter no other member names; no implemented operation has one.
            if (location == MemberLocation.QueryString && shape is MapShape)
                throw new NotSupportedException($"Member {name}: a map in the query string is not implemented.");
            return new Member(name, shape, locationName ?? name, xmlName, location, TimestampFormat(reference));
        }
        if (!_ec2)
            wireName = xmlName;
        else if (reference.TryGetProperty("queryName", out var queryName))
            wireName = queryName.GetString()!;
        else if (locationName is not null)
            wireName = char.ToUpperInvariant(locationName[0]) + locationName[1..];
        else
            wireName = name;

        return new Member(name, shape, wireName, xmlName);
    }

    private ListShape ReadList(string name, JsonElement json)
    {
        var item = json.GetProperty("member");
        var itemName = LocationName(item);
        var flattened = json.TryGetProperty("flattened", out var f) && f.GetBoolean();
        // EC2 lists are always sent flattened (`GroupId.1`) and written as <item> elements.
        var inputItemName = _ec2 || flattened ? null : itemName ?? "member";
        var xmlItemName = itemName ?? (_ec2 ? "item" : "member");
        return new ListShape(name, Resolve(ShapeName(item)), flattened, inputItemName, xmlItemName);
    }

    private MapShape ReadMap(string name, JsonElement json)
    {
        var value = json.GetProperty("value");
        return new MapShape(
            name,
            Resolve(ShapeName(value)),
            LocationName(json.GetProperty("key")) ?? "key",
            LocationName(value) ?? "value");
    }

    private static MemberLocation Location(JsonElement reference) => Text(reference, "location") switch
    {
        null => MemberLocation.Body,
        "uri" => MemberLocation.Uri,
        "querystring" => MemberLocation.QueryString,
        "header" => MemberLocation.Header,
        "statusCode" => MemberLocation.StatusCode,
        var other => throw new NotSupportedException($"Member location {other} is not implemented."),
    };

    private string? TimestampFormat(JsonElement reference) =>
        Text(reference, "timestampFormat") ?? Text(_json[ShapeName(reference)], "timestampFormat");

    /// <summary>The reference's locationName, else the target shape's (botocore merges the two).</summary>
    private string? LocationName(JsonElement reference)
    {
        if (reference.TryGetProperty("locationName", out var own))
            return own.GetString();
        return _json[ShapeName(reference)].TryGetProperty("locationName", out var shapes) ? shapes.GetString() : null;
    }

    private static string ShapeName(JsonElement reference) => reference.GetProperty("shape").GetString()!;

    private static ScalarType ScalarTypeOf(string type) => type switch
    {
        "string" => ScalarType.String,
        "integer" => ScalarType.Integer,
        "long" => ScalarType.Long,
        "boolean" => ScalarType.Boolean,
        "double" => ScalarType.Double,
        "float" => ScalarType.Float,
        "timestamp" => ScalarType.Timestamp,
        "blob" => ScalarType.Blob,
        _ => throw new NotSupportedException($"Shape type {type} is not implemented."),
    };
}

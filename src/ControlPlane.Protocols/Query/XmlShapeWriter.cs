using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ControlPlane.Protocols.Shapes;
using ControlPlane.Protocols.Xml;

namespace ControlPlane.Protocols.Query;

/// <summary>
/// Writes a JSON value as the XML botocore's EC2QueryParser / QueryParser reads for its shape
/// (https://github.com/boto/botocore/blob/develop/botocore/parsers.py): members by locationName,
/// lists as a wrapper with one element per item, booleans and numbers as their JSON text,
/// timestamps as ISO 8601 with milliseconds.
/// </summary>
internal static class XmlShapeWriter
{
    public static void Members(Utf8XmlWriter xml, StructureShape shape, JsonElement value)
    {
        Require(value, JsonValueKind.Object, shape);
        var matched = 0;
        foreach (var member in shape.Members)
        {
            if (!value.TryGetProperty(member.Utf8Name, out var child))
                continue;
            matched++;
            if (child.ValueKind != JsonValueKind.Null)
                Member(xml, member, child);
        }
        if (matched != value.GetPropertyCount())
            throw UnknownProperty(shape, value);
    }

    private static void Member(Utf8XmlWriter xml, Member member, JsonElement value)
    {
        if (member.Flattened)
        {
            var list = (ListShape)member.Shape;
            Require(value, JsonValueKind.Array, list);
            foreach (var item in value.EnumerateArray())
                Element(xml, member.XmlName, list.Item, item);
            return;
        }
        Element(xml, member.XmlName, member.Shape, value);
    }

    private static void Element(Utf8XmlWriter xml, byte[] name, Shape shape, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
            return;
        xml.StartElement(name);
        Content(xml, shape, value);
        xml.EndElement(name);
    }

    private static void Content(Utf8XmlWriter xml, Shape shape, JsonElement value)
    {
        switch (shape)
        {
            case StructureShape structure:
                Members(xml, structure, value);
                break;
            case ListShape list:
                Require(value, JsonValueKind.Array, list);
                foreach (var item in value.EnumerateArray())
                    Element(xml, list.XmlItemName, list.Item, item);
                break;
            case MapShape map:
                Require(value, JsonValueKind.Object, map);
                foreach (var entry in value.EnumerateObject())
                {
                    xml.StartElement("entry"u8);
                    xml.StartElement(map.XmlKeyName);
                    xml.Text(entry.Name);
                    xml.EndElement(map.XmlKeyName);
                    Element(xml, map.XmlValueName, map.Value, entry.Value);
                    xml.EndElement("entry"u8);
                }
                break;
            case ScalarShape scalar:
                Scalar(xml, scalar, value);
                break;
        }
    }

    private static void Scalar(Utf8XmlWriter xml, ScalarShape shape, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when shape.Type == ScalarType.Timestamp && value.TryGetDateTimeOffset(out var time):
                Span<byte> text = stackalloc byte[24];
                time.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                xml.Text(text[..written]);
                break;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(value);
                var unquoted = raw[1..^1];
                // Text with JSON escapes (System.Text.Json escapes <, >, & and non-ASCII by default) is decoded first.
                if (unquoted.Contains((byte)'\\'))
                    xml.Text(value.GetString()!);
                else
                    xml.Text(unquoted);
                break;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                xml.Text(JsonMarshal.GetRawUtf8Value(value));
                break;
            default:
                throw new InvalidOperationException($"A {value.ValueKind} cannot be written as {shape.Name}.");
        }
    }

    private static void Require(JsonElement value, JsonValueKind kind, Shape shape)
    {
        if (value.ValueKind != kind)
            throw new InvalidOperationException($"A {value.ValueKind} cannot be written as {shape.Name}, which needs a {kind}.");
    }

    private static InvalidOperationException UnknownProperty(StructureShape shape, JsonElement value)
    {
        var unknown = value.EnumerateObject()
            .Select(p => p.Name)
            .First(name => shape.Members.All(m => m.Name != name));
        return new InvalidOperationException(
            $"'{unknown}' is not a member of {shape.Name}; results must use the model's member names.");
    }
}

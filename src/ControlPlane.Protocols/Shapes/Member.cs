using System.Text;

namespace ControlPlane.Protocols.Shapes;

/// <summary>Where a REST protocol carries a member (botocore's <c>location</c>); every other protocol uses the body.</summary>
internal enum MemberLocation { Body, Uri, QueryString, Header, StatusCode }

/// <summary>A structure member: its model name (the JSON property name on both sides) and its wire names.</summary>
internal sealed class Member(string name, Shape shape, string wireName, string xmlName,
    MemberLocation location = MemberLocation.Body, string? timestampFormat = null)
{
    public string Name { get; } = name;

    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public Shape Shape { get; } = shape;

    /// <summary>
    /// The name on the wire: the key segment in a query string; for the JSON protocols the body property, the URI
    /// label, the query-string parameter or the header (botocore's <c>serialization['name']</c>).
    /// </summary>
    public string WireName { get; } = wireName;

    public byte[] Utf8WireName { get; } = Encoding.UTF8.GetBytes(wireName);

    /// <summary>The element naming this member in an XML response.</summary>
    public byte[] XmlName { get; } = Encoding.UTF8.GetBytes(xmlName);

    public MemberLocation Location { get; } = location;

    /// <summary>The member's own <c>timestampFormat</c> (<c>iso8601</c>, <c>unixTimestamp</c>, <c>rfc822</c>), if it sets one.</summary>
    public string? TimestampFormat { get; } = timestampFormat;

    /// <summary>A flattened list repeats the member element once per item instead of wrapping the items.</summary>
    public bool Flattened => Shape is ListShape { Flattened: true };
}

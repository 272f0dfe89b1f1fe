using System.Text;

namespace ControlPlane.Protocols.Shapes;

/// <summary>A structure member: its model name (the JSON property name on both sides) and its wire names.</summary>
internal sealed class Member(string name, Shape shape, string wireName, string xmlName)
{
    public string Name { get; } = name;

    public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(name);

    public Shape Shape { get; } = shape;

    /// <summary>The key segment naming this member in a query string.</summary>
    public string WireName { get; } = wireName;

    /// <summary>The element naming this member in an XML response.</summary>
    public byte[] XmlName { get; } = Encoding.UTF8.GetBytes(xmlName);

    /// <summary>A flattened list repeats the member element once per item instead of wrapping the items.</summary>
    public bool Flattened => Shape is ListShape { Flattened: true };
}

using System.Text;

namespace ControlPlane.Protocols.Shapes;

/// <summary>A map, sent as `Name.entry.N.key` / `Name.entry.N.value` and written as `&lt;entry&gt;&lt;key/&gt;&lt;value/&gt;&lt;/entry&gt;` items.</summary>
internal sealed class MapShape(string name, Shape value, string keyName, string valueName) : Shape(name)
{
    public Shape Value { get; } = value;

    public string KeyName { get; } = keyName;

    public string ValueName { get; } = valueName;

    public byte[] XmlKeyName { get; } = Encoding.UTF8.GetBytes(keyName);

    public byte[] XmlValueName { get; } = Encoding.UTF8.GetBytes(valueName);
}

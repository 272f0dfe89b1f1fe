using System.Text;

namespace ControlPlane.Protocols.Shapes;

/// <param name="inputItemName">The key segment before each item's index (`Name.member.1`); null when items follow the name directly (`Name.1`).</param>
/// <param name="xmlItemName">The element around each item in an XML response (`item` for EC2, `member` for query).</param>
internal sealed class ListShape(string name, Shape item, bool flattened, string? inputItemName, string xmlItemName) : Shape(name)
{
    public Shape Item { get; } = item;

    public bool Flattened { get; } = flattened;

    public string? InputItemName { get; } = inputItemName;

    public byte[] XmlItemName { get; } = Encoding.UTF8.GetBytes(xmlItemName);
}

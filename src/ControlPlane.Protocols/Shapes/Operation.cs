using System.Text;

namespace ControlPlane.Protocols.Shapes;

internal sealed class Operation(string name, StructureShape input, StructureShape? output, string resultWrapper)
{
    public string Name { get; } = name;

    /// <summary>The input shape; an operation without one takes no parameters.</summary>
    public StructureShape Input { get; } = input;

    public StructureShape? Output { get; } = output;

    public byte[] XmlResponseName { get; } = Encoding.UTF8.GetBytes(name + "Response");

    /// <summary>The query protocol's `&lt;{Operation}Result&gt;` element around the output members.</summary>
    public byte[] XmlResultName { get; } = Encoding.UTF8.GetBytes(resultWrapper);
}

using System.Text;

namespace ControlPlane.Protocols.Shapes;

internal sealed class Operation(string name, StructureShape input, StructureShape? output, string resultWrapper, HttpBinding? http = null)
{
    public string Name { get; } = name;

    /// <summary>The input shape; an operation without one takes no parameters.</summary>
    public StructureShape Input { get; } = input;

    public StructureShape? Output { get; } = output;

    public byte[] XmlResponseName { get; } = Encoding.UTF8.GetBytes(name + "Response");

    /// <summary>The query protocol's `&lt;{Operation}Result&gt;` element around the output members.</summary>
    public byte[] XmlResultName { get; } = Encoding.UTF8.GetBytes(resultWrapper);

    /// <summary>The model's <c>http</c> trait: what routes a REST request to this operation, and its success status.</summary>
    public HttpBinding Http { get; } = http ?? HttpBinding.Default;
}

/// <param name="RequestUri">The URI template, e.g. <c>/2015-03-31/functions/{FunctionName}/configuration</c>.</param>
internal sealed record HttpBinding(string Method, string RequestUri, int ResponseCode)
{
    public static HttpBinding Default { get; } = new("POST", "/", 200);
}

using System.Text.Json.Nodes;
using ControlPlane.Protocols.Query;

namespace ControlPlane.Protocols;

/// <summary>
/// Binds the form/query parameters of an EC2 or query-protocol request to the operation's input shape,
/// the inverse of botocore's EC2Serializer / QuerySerializer:
/// https://github.com/boto/botocore/blob/develop/botocore/serialize.py
/// </summary>
public static class QueryRequestBinder
{
    /// <param name="parameters">The decoded pairs without <c>Action</c> and <c>Version</c>.</param>
    /// <returns>An object keyed by the model's member names, values typed by the model.</returns>
    /// <exception cref="ProtocolException">UnknownParameter, InvalidParameterValue, MissingParameter or InvalidAction.</exception>
    public static JsonObject Bind(ServiceModel model, string operation, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        if (!model.TryGetOperation(operation, out var op))
            throw ProtocolErrors.InvalidAction(operation);

        var input = new StructureNode(op.Input);
        foreach (var (key, value) in parameters)
            input.Assign(new ParameterKey(key), 0, value);

        // Only top-level members: AWS reports nested omissions in ways that vary per action.
        foreach (var member in op.Input.Required)
        {
            if (!input.Has(member))
                throw ProtocolErrors.MissingParameter(member.WireName);
        }
        return input.ToJson();
    }
}

namespace ControlPlane.Protocols;

/// <summary>What the model says about an operation's input, for adapters that do not bind through the query binder (the JSON REST adapter).</summary>
public static class OperationInputs
{
    /// <summary>The top-level input members the model marks required (their model names), or none when the model lacks the operation.</summary>
    public static IReadOnlyList<string> RequiredMembers(this ServiceModel model, string operation) =>
        model.TryGetOperation(operation, out var op) ? op.Input.Required.Select(m => m.Name).ToArray() : [];
}

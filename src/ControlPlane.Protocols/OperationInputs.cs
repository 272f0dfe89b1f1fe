namespace ControlPlane.Protocols;

/// <summary>What the model says about an operation's input, for adapters that do not bind through the query binder (the JSON REST adapter).</summary>
public static class OperationInputs
{
    /// <summary>
    /// The top-level input members the model of <paramref name="service"/> marks required (their model names); none when
    /// the service has no model (an emulator-only operation) or the model lacks the operation.
    /// </summary>
    public static IReadOnlyList<string> RequiredMembers(string service, string operation) =>
        typeof(ServiceModel).Assembly.GetManifestResourceInfo($"ControlPlane.Protocols.Models.{service}.json") is not null
        && ServiceModel.Load(service).TryGetOperation(operation, out var op)
            ? op.Input.Required.Select(m => m.Name).ToArray()
            : [];
}

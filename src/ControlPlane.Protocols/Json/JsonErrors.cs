namespace ControlPlane.Protocols.Json;

/// <summary>
/// The errors AWS's JSON services answer for a request that does not fit the model, before any handler runs
/// (the Coral framework's messages: https://docs.aws.amazon.com/lambda/latest/api/CommonErrors.html).
/// A service adapter may translate the code to its own (Lambda: <c>InvalidParameterValueException</c>).
/// </summary>
internal static class JsonErrors
{
    public static ProtocolException UnknownOperation(string operation) =>
        new("UnknownOperationException", $"The operation {operation} is not supported by this service.");

    public static ProtocolException Serialization(string message) => new("SerializationException", message);

    public static ProtocolException MissingMember(string wireName) =>
        new("ValidationException", $"1 validation error detected: Value null at '{wireName}' failed to satisfy constraint: Member must not be null");
}

namespace ControlPlane.Protocols;

/// <summary>
/// The errors AWS query services return for a malformed request.
/// Codes: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html#CommonErrors
/// </summary>
internal static class ProtocolErrors
{
    public static ProtocolException InvalidAction(string action) =>
        new("InvalidAction", $"The action {action} is not valid for this web service.");

    public static ProtocolException UnknownParameter(string wireName) =>
        new("UnknownParameter", $"The parameter {wireName} is not recognized");

    public static ProtocolException MissingParameter(string wireName) =>
        new("MissingParameter", $"The request must contain the parameter {wireName}");

    public static ProtocolException InvalidValue(string value, string wireName) =>
        new("InvalidParameterValue", $"Invalid value '{value}' for {wireName}");

    public static ProtocolException InvalidIndex(string index, string wireName) =>
        new("InvalidParameterValue", $"Invalid list index '{index}' in parameter {wireName}");
}

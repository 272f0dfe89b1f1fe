using System.Buffers;
using System.Text.Json;
using ControlPlane.Protocols.Query;
using ControlPlane.Protocols.Shapes;
using ControlPlane.Protocols.Xml;

namespace ControlPlane.Protocols;

/// <summary>
/// Writes responses of the EC2 and query protocols, the documents botocore's EC2QueryParser and
/// QueryParser read: https://github.com/boto/botocore/blob/develop/botocore/parsers.py
/// </summary>
public static class QueryResponseWriter
{
    /// <param name="result">The operation's output keyed by the model's member names; null members are omitted.</param>
    /// <exception cref="InvalidOperationException">The result does not fit the output shape (a property that is no member,
    /// an object where a list belongs, ...); <paramref name="output"/> may then hold part of a document.</exception>
    public static void WriteResult(ServiceModel model, string operation, JsonElement result, string requestId, IBufferWriter<byte> output)
    {
        if (!model.TryGetOperation(operation, out var op))
            throw new ArgumentException($"{operation} is not an operation of this model.", nameof(operation));

        var xml = new Utf8XmlWriter(output);
        xml.Declaration();
        xml.StartElement(op.XmlResponseName, model.Utf8XmlNamespace);
        // Without an output shape any result property is a mistake the empty shape reports.
        var shape = op.Output ?? StructureShape.Empty;
        var hasResult = result.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
        if (model.IsEc2)
        {
            // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpc.html#API_CreateVpc_Examples
            xml.Element("requestId"u8, requestId);
            if (hasResult)
                XmlShapeWriter.Members(xml, shape, result);
        }
        else
        {
            // https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html#API_GetCallerIdentity_Examples
            if (op.Output is not null)
                xml.StartElement(op.XmlResultName);
            if (hasResult)
                XmlShapeWriter.Members(xml, shape, result);
            if (op.Output is not null)
                xml.EndElement(op.XmlResultName);
            ResponseMetadata(xml, requestId);
        }
        xml.EndElement(op.XmlResponseName);
        xml.Flush();
    }

    public static void WriteError(ServiceModel model, string code, string message, string requestId, IBufferWriter<byte> output)
    {
        var xml = new Utf8XmlWriter(output);
        xml.Declaration();
        if (model.IsEc2)
        {
            // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html: note `RequestID`,
            // where success responses have `requestId`.
            xml.StartElement("Response"u8);
            xml.StartElement("Errors"u8);
            xml.StartElement("Error"u8);
            xml.Element("Code"u8, code);
            xml.Element("Message"u8, message);
            xml.EndElement("Error"u8);
            xml.EndElement("Errors"u8);
            xml.Element("RequestID"u8, requestId);
            xml.EndElement("Response"u8);
        }
        else
        {
            // https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html; botocore's
            // QueryParser reads Type, Code and Message under <Error> and RequestId beside it.
            xml.StartElement("ErrorResponse"u8, model.Utf8XmlNamespace);
            xml.StartElement("Error"u8);
            xml.Element("Type"u8, "Sender");
            xml.Element("Code"u8, code);
            xml.Element("Message"u8, message);
            xml.EndElement("Error"u8);
            xml.Element("RequestId"u8, requestId);
            xml.EndElement("ErrorResponse"u8);
        }
        xml.Flush();
    }

    private static void ResponseMetadata(Utf8XmlWriter xml, string requestId)
    {
        xml.StartElement("ResponseMetadata"u8);
        xml.Element("RequestId"u8, requestId);
        xml.EndElement("ResponseMetadata"u8);
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using ControlPlane.Protocols.Shapes;

namespace ControlPlane.Protocols.Tests;

/// <summary>A small query-protocol model exercising what the embedded models lack: `.member.N` lists,
/// flattened lists, maps and every scalar type.</summary>
internal static class TestModels
{
    private const string QueryModelJson = """
        {
          "metadata": { "apiVersion": "2020-01-01", "protocol": "query", "xmlNamespace": "https://example.amazonaws.com/doc/2020-01-01/" },
          "operations": {
            "PutThings": { "name": "PutThings", "input": { "shape": "PutThingsInput" }, "output": { "shape": "PutThingsOutput", "resultWrapper": "PutThingsResult" } }
          },
          "shapes": {
            "PutThingsInput": {
              "type": "structure",
              "required": ["Name"],
              "members": {
                "Attributes": { "shape": "AttributeMap" },
                "Count": { "shape": "Integer" },
                "Enabled": { "shape": "Boolean" },
                "Flat": { "shape": "FlatList" },
                "Ids": { "shape": "IdList" },
                "Name": { "shape": "String" },
                "Ratio": { "shape": "Double" },
                "Rules": { "shape": "RuleList" },
                "Size": { "shape": "Long" },
                "When": { "shape": "Timestamp" }
              }
            },
            "PutThingsOutput": {
              "type": "structure",
              "members": {
                "Attributes": { "shape": "AttributeMap" },
                "Flat": { "shape": "FlatList" },
                "Ids": { "shape": "IdList" },
                "Rules": { "shape": "RuleList" },
                "When": { "shape": "Timestamp" }
              }
            },
            "AttributeMap": { "type": "map", "key": { "shape": "String", "locationName": "Name" }, "value": { "shape": "String", "locationName": "Value" } },
            "FlatList": { "type": "list", "flattened": true, "member": { "shape": "String", "locationName": "Item" } },
            "IdList": { "type": "list", "member": { "shape": "String" } },
            "RuleList": { "type": "list", "member": { "shape": "Rule", "locationName": "Rule" } },
            "Rule": { "type": "structure", "members": { "Port": { "shape": "Integer" }, "Protocol": { "shape": "String", "locationName": "protocol" } } },
            "Boolean": { "type": "boolean" },
            "Double": { "type": "double" },
            "Integer": { "type": "integer" },
            "Long": { "type": "long" },
            "String": { "type": "string" },
            "Timestamp": { "type": "timestamp" }
          }
        }
        """;

    public static ServiceModel Query { get; } = ModelReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(QueryModelJson)));

    public static string WriteResult(ServiceModel model, string operation, object? result, string requestId = "req-1")
    {
        var output = new ArrayBufferWriter<byte>();
        QueryResponseWriter.WriteResult(model, operation, JsonSerializer.SerializeToElement(result), requestId, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    public static string WriteError(ServiceModel model, string code, string message, string requestId = "req-1")
    {
        var output = new ArrayBufferWriter<byte>();
        QueryResponseWriter.WriteError(model, code, message, requestId, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlPlane.Protocols.Tests;

/// <summary>
/// Every operation in the embedded models, both directions, against botocore itself (python3 with the
/// botocore package, which tools/trim-model needs as well): what botocore's serializer sends binds back
/// to the input it started from, and what the writer produces parses in botocore to the result given.
/// </summary>
public sealed class BotocoreRoundTripTests
{
    [Theory]
    [InlineData("ec2")]
    [InlineData("sts")]
    [InlineData("elbv2")]
    [InlineData("elb")]
    [InlineData("rds")]
    [InlineData("redshift")]
    [InlineData("elasticache")]
    public void Requests_botocore_serializes_bind_to_the_parameters_it_was_given(string service)
    {
        var model = ServiceModel.Load(service);

        foreach (var c in Botocore.Cases(service))
        {
            var pairs = c["params"]!.AsArray().Select(p => KeyValuePair.Create(p![0]!.GetValue<string>(), p[1]!.GetValue<string>()));
            var bound = QueryRequestBinder.Bind(model, c["op"]!.GetValue<string>(), pairs);
            Assert.True(JsonNode.DeepEquals(c["input"], bound), $"{c["op"]}: expected {c["input"]!.ToJsonString()}, bound {bound.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("ec2")]
    [InlineData("sts")]
    [InlineData("elbv2")]
    [InlineData("elb")]
    [InlineData("rds")]
    [InlineData("redshift")]
    [InlineData("elasticache")]
    public void Responses_parse_in_botocore_to_the_result_written(string service)
    {
        var model = ServiceModel.Load(service);
        var written = Botocore.Cases(service).Where(c => c["result"] is not null).ToArray();
        var responses = new JsonArray(written.Select(c => (JsonNode)new JsonObject
        {
            ["op"] = c["op"]!.GetValue<string>(),
            ["xml"] = Write(model, c["op"]!.GetValue<string>(), c["result"]!),
        }).ToArray());

        var parsed = Botocore.Run("parse", service, responses.ToJsonString()).AsArray();

        Assert.Equal(written.Length, parsed.Count);
        for (var i = 0; i < written.Length; i++)
        {
            var metadata = parsed[i]!.AsObject();
            Assert.Equal("req-1", metadata["ResponseMetadata"]!["RequestId"]!.GetValue<string>());
            metadata.Remove("ResponseMetadata");
            Assert.True(JsonNode.DeepEquals(written[i]["result"], metadata), $"{written[i]["op"]}: wrote {written[i]["result"]!.ToJsonString()}, botocore read {metadata.ToJsonString()}");
        }
    }

    private static string Write(ServiceModel model, string operation, JsonNode result)
    {
        var output = new ArrayBufferWriter<byte>();
        QueryResponseWriter.WriteResult(model, operation, JsonSerializer.SerializeToElement(result), "req-1", output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}

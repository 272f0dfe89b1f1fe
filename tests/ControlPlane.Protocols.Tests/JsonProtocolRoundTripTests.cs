using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Protocols.Json;

namespace ControlPlane.Protocols.Tests;

/// <summary>
/// The JSON protocols against botocore itself, every operation of the embedded models in both directions: the HTTP
/// request botocore's serializer builds routes to its operation and binds back to the input it started from, and the
/// response the writer produces (body, headers, status) parses in botocore to the result given.
/// </summary>
public sealed class JsonProtocolRoundTripTests
{
    [Theory]
    [InlineData("ecs")]
    [InlineData("lambda")]
    [InlineData("eks")]
    [InlineData("mq")]
    public void Requests_botocore_sends_route_and_bind_to_the_parameters_it_was_given(string service)
    {
        var model = ServiceModel.Load(service);
        var router = new RestRouter(model);

        foreach (var c in Botocore.Cases(service))
        {
            var request = c["request"]!;
            var headers = request["headers"]!.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
            var query = request["query"]!.AsArray().Select(p => KeyValuePair.Create(p![0]!.GetValue<string>(), p[1]!.GetValue<string>())).ToList();
            var operation = c["op"]!.GetValue<string>();
            IReadOnlyDictionary<string, string> labels = new Dictionary<string, string>();
            if (model.Protocol == "json")
            {
                Assert.Equal($"{model.TargetPrefix}.{operation}", headers["X-Amz-Target"]);
            }
            else
            {
                var match = router.Match(request["method"]!.GetValue<string>(), request["path"]!.GetValue<string>(), query.Select(q => q.Key).ToHashSet());
                Assert.True(match is not null, $"{operation}: {request["method"]} {request["path"]} routes nowhere");
                Assert.Equal(operation, match.Operation);
                labels = match.Labels;
            }

            var body = Encoding.UTF8.GetBytes(request["body"]?.GetValue<string>() ?? "");
            var bound = JsonRequestBinder.Bind(model, operation, new RestRequest(labels, query, h => headers.GetValueOrDefault(h), body));
            Assert.True(JsonNode.DeepEquals(c["input"], bound), $"{operation}: expected {c["input"]!.ToJsonString()}, bound {bound.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("ecs")]
    [InlineData("lambda")]
    [InlineData("eks")]
    [InlineData("mq")]
    public void Responses_parse_in_botocore_to_the_result_written(string service)
    {
        var model = ServiceModel.Load(service);
        var written = Botocore.Cases(service).Where(c => c["result"] is not null).ToArray();
        var responses = new JsonArray(written.Select(c =>
        {
            var body = new ArrayBufferWriter<byte>();
            var response = JsonResponseWriter.WriteResult(model, c["op"]!.GetValue<string>(), JsonSerializer.SerializeToElement(c["result"]), body);
            var headers = new JsonObject(response.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value)));
            headers["Content-Type"] = response.ContentType;
            headers["x-amzn-RequestId"] = "req-1";
            return (JsonNode)new JsonObject
            {
                ["op"] = c["op"]!.GetValue<string>(),
                ["status"] = response.StatusCode,
                ["headers"] = headers,
                ["body"] = Encoding.UTF8.GetString(body.WrittenSpan),
            };
        }).ToArray());

        var parsed = Botocore.Run("parse", service, responses.ToJsonString()).AsArray();

        Assert.Equal(written.Length, parsed.Count);
        for (var i = 0; i < written.Length; i++)
        {
            var result = parsed[i]!.AsObject();
            Assert.Equal("req-1", result["ResponseMetadata"]!["RequestId"]!.GetValue<string>());
            result.Remove("ResponseMetadata");
            Assert.True(JsonNode.DeepEquals(written[i]["result"], result), $"{written[i]["op"]}: wrote {written[i]["result"]!.ToJsonString()}, botocore read {result.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("ecs", "ClientException")]
    [InlineData("lambda", "ResourceNotFoundException")]
    public void Errors_parse_in_botocore_with_their_code_and_message(string service, string code)
    {
        var model = ServiceModel.Load(service);
        var body = new ArrayBufferWriter<byte>();
        var response = JsonResponseWriter.WriteError(model, code, "Function not found: <&> é", 404, body);
        var headers = new JsonObject(response.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))) { ["Content-Type"] = response.ContentType };
        var operation = model.OperationNames.First();
        var parsed = Botocore.Run("parse", service, new JsonArray(new JsonObject
        {
            ["op"] = operation, ["status"] = response.StatusCode, ["headers"] = headers, ["body"] = Encoding.UTF8.GetString(body.WrittenSpan),
        }).ToJsonString()).AsArray();

        Assert.Equal(code, parsed[0]!["Error"]!["Code"]!.GetValue<string>());
        Assert.Equal("Function not found: <&> é", parsed[0]!["Error"]!["Message"]!.GetValue<string>());
    }
}

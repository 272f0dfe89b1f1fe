using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Protocols;
using ControlPlane.Protocols.Json;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Aws;

/// <summary>
/// The adapter for the AWS <c>json</c> protocol (ECS: the operation in <c>X-Amz-Target</c>, the input in the body) and
/// <c>rest-json</c> (Lambda, EKS, MQ: the operation found from the method and path, the input spread over URI labels,
/// query string, headers and body). As <see cref="AwsQueryEndpoint"/>, it translates and decides nothing: the model
/// binds the request and writes the answer, the application runs the action. Errors carry the service's code in
/// <c>__type</c> and <c>x-amzn-ErrorType</c>.
/// </summary>
public sealed class AwsJsonEndpoint(OperationRegistry registry, IOptions<ControlPlaneOptions> options, ILogger<AwsJsonEndpoint> logger)
{
    /// <summary>
    /// Commands and results use .NET names; the models spell members <c>FunctionName</c> (Lambda) or <c>clusterName</c>
    /// (ECS), so names match case-insensitively both ways.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task HandleAsync(HttpContext http, string service, ServiceModel model, RestRouter? router, SigV4Scope? scope)
    {
        var started = Stopwatch.GetTimestamp();
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        var defaults = options.Value;
        request.AccountId = scope?.AccountId ?? defaults.DefaultAccountId;
        request.Region = scope?.Region ?? defaults.DefaultRegion;
        http.Response.Headers["x-amzn-RequestId"] = request.RequestId;

        string? action = null;
        string? code = null;
        var body = new ArrayBufferWriter<byte>(1024);
        RestResponse response;
        try
        {
            var content = await ReadBodyAsync(http.Request);
            RestRequest rest;
            if (model.Protocol == "json")
            {
                var target = http.Request.Headers["X-Amz-Target"].ToString();
                action = target[(target.IndexOf('.') + 1)..];
                rest = RestRequest.BodyOnly(content);
            }
            else
            {
                var query = http.Request.Query.SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))).ToList();
                var path = http.Request.PathBase.Add(http.Request.Path).ToUriComponent();
                var match = router!.Match(http.Request.Method, path, query.Select(q => q.Key).ToHashSet())
                    ?? throw new AwsException("UnknownOperationException", $"No operation of {service} answers {http.Request.Method} {path}.", 404);
                action = match.Operation;
                var headers = http.Request.Headers;
                rest = new RestRequest(match.Labels, query, name => headers.TryGetValue(name, out var v) ? v.ToString() : null, content);
            }
            var operation = (model.HasOperation(action) ? registry.Find(service, action) : null)
                ?? throw new AwsException("UnknownOperationException", $"The operation {action} is not supported by this service.");
            var bound = JsonRequestBinder.Bind(model, action, rest);
            var command = Deserialize(bound, operation.CommandType);
            var result = await operation.Run(http.RequestServices, command, http.RequestAborted);
            var element = JsonSerializer.SerializeToElement(result, operation.ResultType, Json);
            response = JsonResponseWriter.WriteResult(model, action, element, body);
        }
        catch (Exception e) when (ToAwsError(e) is { } error)
        {
            code = error.Code;
            body.Clear();
            response = JsonResponseWriter.WriteError(model, error.Code, error.Message, error.HttpStatus, body, error.Members);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unexpected failure in {Service}.{Action}, request {RequestId}", service, action, request.RequestId);
            code = "ServiceException";
            body.Clear();
            response = JsonResponseWriter.WriteError(model, code, "An internal error occurred.", 500, body);
        }

        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers) http.Response.Headers[name] = value;
        // A 204 answer (MQ CreateTags, Lambda DeleteFunction) has no body, and Kestrel refuses a Content-Length on it.
        if (response.StatusCode != StatusCodes.Status204NoContent)
        {
            http.Response.ContentType = response.ContentType;
            http.Response.ContentLength = body.WrittenCount;
            await http.Response.Body.WriteAsync(body.WrittenMemory, http.RequestAborted);
        }
        logger.LogInformation("{Service}.{Action} {Account}/{Region} -> {Outcome} ({Elapsed:0.0} ms)",
            service, action, request.AccountId, request.Region, code ?? response.StatusCode.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static object Deserialize(System.Text.Json.Nodes.JsonObject bound, Type commandType)
    {
        try
        {
            return bound.Deserialize(commandType, Json) ?? throw new AwsException("SerializationException", "The request has no body.");
        }
        catch (JsonException e)
        {
            throw new AwsException("SerializationException", $"Invalid value for {e.Path?.TrimStart('$', '.')}");
        }
    }

    private static AwsException? ToAwsError(Exception e) => e switch
    {
        AwsException aws => aws,
        ProtocolException p => new AwsException(p.Code, p.Message),
        _ => null,
    };

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }
}

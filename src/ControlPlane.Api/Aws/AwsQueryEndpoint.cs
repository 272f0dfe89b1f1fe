using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using ControlPlane.Protocols;
using ControlPlane.Protocols.Query;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Aws;

/// <summary>
/// The AWS Query adapter (EC2's <c>ec2</c> protocol and the <c>query</c> protocol of STS): form or query-string
/// parameters in, XML out, errors in the service's envelope. It translates and decides nothing: the model binds the
/// parameters, the application runs the action, the model writes the answer.
/// </summary>
public sealed class AwsQueryEndpoint(OperationRegistry registry, IOptions<ControlPlaneOptions> options, ILogger<AwsQueryEndpoint> logger)
{
    /// <summary>Member names as the AWS model spells them; absent members are left off the wire.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task HandleAsync(HttpContext http, SigV4Scope? scope)
    {
        var started = Stopwatch.GetTimestamp();
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        var defaults = options.Value;
        request.AccountId = scope?.AccountId ?? defaults.DefaultAccountId;
        request.Region = scope?.Region ?? defaults.DefaultRegion;
        http.Response.Headers["x-amzn-RequestId"] = request.RequestId;

        var (parameters, malformed) = await ReadParametersAsync(http.Request);
        var action = parameters.FirstOrDefault(p => p.Key == "Action").Value;
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("Request {RequestId}: {Parameters}", request.RequestId, string.Join('&', parameters.Select(p => $"{p.Key}={p.Value}")));
        }
        var version = parameters.FirstOrDefault(p => p.Key == "Version").Value;
        var service = AwsServices.QueryModel(scope?.Service, version, () => ServiceOf(action)) ?? "ec2";
        var model = ServiceModel.Load(service);
        var status = 200;
        string? code = null;
        var body = new ArrayBufferWriter<byte>(4096);
        try
        {
            if (malformed) throw Ec2Errors.MalformedQueryString();
            if (string.IsNullOrEmpty(action)) throw Ec2Errors.MissingAction();
            var operation = (model.HasOperation(action) ? registry.Find(service, action) : null) ?? throw Ec2Errors.InvalidAction(action);
            var bound = QueryRequestBinder.Bind(model, action, parameters.Where(p => p.Key is not ("Action" or "Version")));
            var command = Deserialize(bound, operation.CommandType);
            var result = await operation.Run(http.RequestServices, command, http.RequestAborted);
            var element = JsonSerializer.SerializeToElement(result, operation.ResultType, Json);
            QueryResponseWriter.WriteResult(model, action, element, request.RequestId, body);
        }
        catch (Exception e) when (ToAwsError(e) is { } error)
        {
            (status, code) = (error.HttpStatus, error.Code);
            body.Clear();
            QueryResponseWriter.WriteError(model, error.Code, error.Message, request.RequestId, body);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unexpected failure in {Service}.{Action}, request {RequestId}", service, action, request.RequestId);
            var error = Ec2Errors.InternalError();
            (status, code) = (error.HttpStatus, error.Code);
            body.Clear();
            QueryResponseWriter.WriteError(model, error.Code, error.Message, request.RequestId, body);
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "text/xml;charset=UTF-8";
        http.Response.ContentLength = body.WrittenCount;
        await http.Response.Body.WriteAsync(body.WrittenMemory, http.RequestAborted);
        logger.LogInformation("{Service}.{Action} {Account}/{Region} -> {Outcome} ({Elapsed:0.0} ms)",
            service, action, request.AccountId, request.Region, code ?? "200", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Unsigned requests (curl) name no service: STS's action is recognised by name, everything else is EC2.</summary>
    private static string ServiceOf(string? action) =>
        action is not null && ServiceModel.Load("sts").HasOperation(action) ? "sts" : "ec2";

    private static object Deserialize(System.Text.Json.Nodes.JsonObject bound, Type commandType)
    {
        try
        {
            return bound.Deserialize(commandType, Json) ?? throw Ec2Errors.InternalError();
        }
        catch (JsonException e)
        {
            // The binder typed every value by the model; a mismatch here means a value the command cannot hold.
            throw Ec2Errors.InvalidParameterValue($"Invalid value for parameter {e.Path?.TrimStart('$', '.')}");
        }
    }

    private static AwsException? ToAwsError(Exception e) => e switch
    {
        AwsException aws => aws,
        ProtocolException p => new AwsException(p.Code, p.Message),
        _ => null,
    };

    private static async Task<(List<KeyValuePair<string, string>> Parameters, bool Malformed)> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in request.Query)
        {
            if (key.StartsWith("X-Amz-", StringComparison.Ordinal)) continue;
            parameters.Add(new(key, values.ToString()));
        }
        if (!request.HasFormContentType) return (parameters, false);
        try
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form) parameters.Add(new(key, values.ToString()));
            return (parameters, false);
        }
        catch (InvalidDataException)
        {
            return (parameters, true);
        }
    }
}

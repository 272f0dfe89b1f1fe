using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Application.Pipeline;
using ControlPlane.Domain.Errors;
using Microsoft.Extensions.Options;

namespace ControlPlane.Api.Rest;

/// <summary>
/// The JSON REST adapter: a request becomes its operation's command (<see cref="RestRequestBinder"/>), runs through the
/// same pipeline as the EC2 endpoint (scope, validator, DryRun, handler), and its result is written as JSON; an AWS
/// error becomes <c>application/problem+json</c>. It translates and decides nothing.
/// </summary>
public sealed class RestEndpoint(IOptions<ControlPlaneOptions> options, ILogger<RestEndpoint> logger)
{
    public async Task HandleAsync(HttpContext http, RestOperation op)
    {
        var started = Stopwatch.GetTimestamp();
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        http.Response.Headers["x-amzn-RequestId"] = request.RequestId;
        string? code = null;
        try
        {
            RestScope.Apply(http.Request, request, options.Value);
            var routeValues = op.Path.ToDictionary(p => p.Parameter, p => http.Request.RouteValues[p.Parameter]?.ToString() ?? "");
            var result = await RunAsync(http, op, await RestRequestBinder.BindAsync(op, http.Request, routeValues));
            await AnswerAsync(http, op, routeValues, result);
        }
        catch (AwsException error)
        {
            code = error.Code;
            await RestProblem.From(error, request.RequestId).WriteAsync(http.Response);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Unexpected failure in rest.{Operation}, request {RequestId}", op.OperationId, request.RequestId);
            var error = Ec2Errors.InternalError();
            code = error.Code;
            if (!http.Response.HasStarted) await RestProblem.From(error, request.RequestId).WriteAsync(http.Response);
        }
        logger.LogInformation("rest.{Action} {Account}/{Region} -> {Outcome} ({Elapsed:0.0} ms)",
            op.Action.Name, request.AccountId, request.Region, code ?? http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static async Task<JsonNode?> RunAsync(HttpContext http, RestOperation op, object command)
    {
        var result = await op.Action.Run(http.RequestServices, command, http.RequestAborted);
        return JsonSerializer.SerializeToNode(result, op.Action.ResultType, RestJson.Options);
    }

    private static async Task AnswerAsync(HttpContext http, RestOperation op, IReadOnlyDictionary<string, string> routeValues, JsonNode? result)
    {
        switch (op.Answer)
        {
            case RestAnswer.NoContent:
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case RestAnswer.Item:
                await WriteAsync(http, StatusCodes.Status200OK, ResultPaths.ValueAt(result, op.ItemPath!) ?? throw NothingAt(op, routeValues));
                return;
            case RestAnswer.Created:
            {
                var id = ResultPaths.ValueAt(result, op.IdPath!)?.GetValue<string>() ?? throw Ec2Errors.InternalError();
                var follow = op.Follow!;
                var location = follow.Route.Replace("{" + follow.Path[0].Parameter + "}", Uri.EscapeDataString(id), StringComparison.Ordinal);
                http.Response.Headers.Location = location;
                await WriteAsync(http, StatusCodes.Status201Created, await FollowAsync(http, follow, new Dictionary<string, string> { [follow.Path[0].Parameter] = id }));
                return;
            }
            case RestAnswer.Resource:
                await WriteAsync(http, StatusCodes.Status200OK, await FollowAsync(http, op.Follow!, routeValues));
                return;
            default:
                await WriteAsync(http, StatusCodes.Status200OK, result);
                return;
        }
    }

    /// <summary>Answers with a resource as its GET shows it: the GET's command built from the route values alone.</summary>
    private static async Task<JsonNode?> FollowAsync(HttpContext http, RestOperation get, IReadOnlyDictionary<string, string> routeValues)
    {
        var command = RestRequestBinder.BindRoute(get, routeValues);
        return ResultPaths.ValueAt(await RunAsync(http, get, command), get.ItemPath!) ?? throw NothingAt(get, routeValues);
    }

    private static AwsException NothingAt(RestOperation get, IReadOnlyDictionary<string, string> routeValues) =>
        Ec2Errors.DescribedNothing(routeValues.GetValueOrDefault(get.Path[0].Parameter) ?? "");

    private static Task WriteAsync(HttpContext http, int status, JsonNode? body)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(body, RestJson.Options, "application/json", http.RequestAborted);
    }
}

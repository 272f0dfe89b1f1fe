using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Api.Rest;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Sandbox;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Api.Sandbox;

/// <summary>
/// The sandbox surface under <c>/_controlplane</c>, for test suites and CI: reset state, export it as a document,
/// import a document into empty scopes. <c>?account=&amp;region=</c> names one scope; neither means the whole emulator.
/// Errors are problem+json like the REST API's.
/// </summary>
public static class SandboxEndpoints
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<AdminToken>();
        services.AddSingleton<StateModelSource>();
        services.AddScoped<StateExporter>();
        services.AddScoped<StateImporter>();
        services.AddScoped<StateResetter>();
        return services;
    }

    public static void MapSandbox(this WebApplication app)
    {
        app.MapPost("/_controlplane/reset", http => RunAsync(http, async () =>
            {
                await http.RequestServices.GetRequiredService<StateResetter>().ResetAsync(Scope(http.Request), http.RequestAborted);
                return Results.NoContent();
            }))
            .WithTags(SandboxOperation.Tag)
            .WithMetadata(new SandboxOperation("resetState", "Reset state",
                "Deletes every resource of one scope (`?account=&region=`) or of the whole emulator. The next request of a scope starts again from its default VPC.",
                StatusCodes.Status204NoContent, null, null, [400, 403, 409]));

        app.MapGet("/_controlplane/state", http => RunAsync(http, async () =>
            {
                var document = await http.RequestServices.GetRequiredService<StateExporter>().ExportAsync(Scope(http.Request), http.RequestAborted);
                return Results.Json(document, StateDocument.Json);
            }))
            .WithTags(SandboxOperation.Tag)
            .WithMetadata(new SandboxOperation("exportState", "Export state",
                "The state of one scope (`?account=&region=`) or of the whole emulator as a versioned JSON document (`format`, `formatVersion`, `scopes`, `shared`).",
                StatusCodes.Status200OK, typeof(JsonObject), null, [400, 403]));

        app.MapPost("/_controlplane/state", http => RunAsync(http, async () =>
            {
                JsonNode? document;
                try
                {
                    document = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
                }
                catch (JsonException e)
                {
                    throw Ec2Errors.InvalidStateDocument("not JSON: " + e.Message);
                }
                var report = await http.RequestServices.GetRequiredService<StateImporter>().ImportAsync(document, http.RequestAborted);
                return Results.Json(report, RestJson.Options, statusCode: StatusCodes.Status201Created);
            }))
            .WithTags(SandboxOperation.Tag)
            .WithMetadata(new SandboxOperation("importState", "Import state",
                "Imports a document from `GET /_controlplane/state` into scopes that hold nothing yet (never used, or reset). A malformed or inconsistent document is refused whole and changes nothing.",
                StatusCodes.Status201Created, typeof(ImportReport), typeof(JsonObject), [400, 403, 409]));
    }

    /// <summary>Checks the admin token, runs the work and writes its result; errors become problems, never an empty 500.</summary>
    private static async Task RunAsync(HttpContext http, Func<Task<IResult>> work)
    {
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        http.Response.Headers["x-amzn-RequestId"] = request.RequestId;
        IResult result;
        try
        {
            http.RequestServices.GetRequiredService<AdminToken>().Demand(http.Request);
            result = await work();
        }
        catch (AwsException error)
        {
            result = Problem(error, request.RequestId);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SandboxEndpoints))
                .LogError(e, "Unexpected failure in {Path}, request {RequestId}", http.Request.Path, request.RequestId);
            result = Problem(Ec2Errors.InternalError(), request.RequestId);
        }
        await result.ExecuteAsync(http);
    }

    private static IResult Problem(AwsException error, string requestId)
    {
        var problem = RestProblem.From(error, requestId);
        return Results.Json(problem, RestJson.Options, RestProblem.ContentType, problem.Status);
    }

    private static ScopeKey? Scope(HttpRequest request)
    {
        var account = request.Query["account"].ToString();
        var region = request.Query["region"].ToString();
        if (account.Length == 0 && region.Length == 0) return null;
        if (account.Length == 0 || region.Length == 0) throw Ec2Errors.ScopeParametersIncomplete();
        if (!ScopeKey.IsAccountId(account)) throw Ec2Errors.InvalidParameterValue(account, "account");
        if (!ScopeKey.IsRegion(region)) throw Ec2Errors.InvalidParameterValue(region, "region");
        return new ScopeKey(account, region);
    }
}

/// <summary>A sandbox endpoint's OpenAPI description.</summary>
public sealed record SandboxOperation(string OperationId, string Summary, string Description, int SuccessStatus, Type? AnswerType, Type? BodyType, IReadOnlyList<int> ErrorStatuses)
{
    public const string Tag = "Sandbox";
}

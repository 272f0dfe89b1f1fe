using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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
public static partial class SandboxEndpoints
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
        app.MapPost("/_controlplane/reset", (HttpContext http, StateResetter resetter) => RunAsync(http, async () =>
            {
                await resetter.ResetAsync(Scope(http.Request), http.RequestAborted);
                return Results.NoContent();
            }))
            .WithTags(SandboxOperation.Tag)
            .WithMetadata(new SandboxOperation("resetState", "Reset state",
                "Deletes every resource of one scope (`?account=&region=`) or of the whole emulator. The next request of a scope starts again from its default VPC.",
                StatusCodes.Status204NoContent, null, null, [400, 403, 409]));

        app.MapGet("/_controlplane/state", (HttpContext http, StateExporter exporter) => RunAsync(http, async () =>
            {
                var document = await exporter.ExportAsync(Scope(http.Request), http.RequestAborted);
                return Results.Json(document, StateDocument.Json);
            }))
            .WithTags(SandboxOperation.Tag)
            .WithMetadata(new SandboxOperation("exportState", "Export state",
                "The state of one scope (`?account=&region=`) or of the whole emulator as a versioned JSON document (`format`, `formatVersion`, `scopes`, `shared`).",
                StatusCodes.Status200OK, typeof(JsonObject), null, [400, 403]));

        app.MapPost("/_controlplane/state", (HttpContext http, StateImporter importer) => RunAsync(http, async () =>
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
                var report = await importer.ImportAsync(document, http.RequestAborted);
                return Results.Json(report, RestJson.Options, statusCode: StatusCodes.Status201Created);
            }))
            .WithTags(SandboxOperation.Tag)
            .WithMetadata(new SandboxOperation("importState", "Import state",
                "Imports a document from `GET /_controlplane/state` into scopes that hold nothing yet (never used, or reset). A malformed or inconsistent document is refused whole and changes nothing.",
                StatusCodes.Status201Created, typeof(ImportReport), typeof(JsonObject), [400, 403, 409]));
    }

    private static async Task<IResult> RunAsync(HttpContext http, Func<Task<IResult>> work)
    {
        var request = http.RequestServices.GetRequiredService<RequestContext>();
        try
        {
            http.RequestServices.GetRequiredService<AdminToken>().Demand(http.Request);
            return await work();
        }
        catch (AwsException error)
        {
            var problem = RestProblem.From(error, request.RequestId);
            return Results.Json(problem, RestJson.Options, RestProblem.ContentType, problem.Status);
        }
    }

    private static ScopeKey? Scope(HttpRequest request)
    {
        var account = request.Query["account"].ToString();
        var region = request.Query["region"].ToString();
        if (account.Length == 0 && region.Length == 0) return null;
        if (account.Length == 0 || region.Length == 0) throw Ec2Errors.ScopeParametersIncomplete();
        if (!AccountPattern().IsMatch(account)) throw Ec2Errors.InvalidParameterValue(account, "account");
        if (!RegionPattern().IsMatch(region)) throw Ec2Errors.InvalidParameterValue(region, "region");
        return new ScopeKey(account, region);
    }

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$")]
    private static partial Regex RegionPattern();
}

/// <summary>A sandbox endpoint's OpenAPI description.</summary>
public sealed record SandboxOperation(string OperationId, string Summary, string Description, int SuccessStatus, Type? AnswerType, Type? BodyType, IReadOnlyList<int> ErrorStatuses)
{
    public const string Tag = "Sandbox";
}

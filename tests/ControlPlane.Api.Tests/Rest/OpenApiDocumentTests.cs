using System.Net;
using System.Text.Json.Nodes;
using ControlPlane.Api.Rest.OpenApi;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>
/// The committed OpenAPI document (<c>openapi/controlplane.v1.json</c>) is what the running app serves, and every
/// operation in it is named, summarised and lists its errors. The document does not depend on the store, so one is enough.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class OpenApiDocumentTests(SqliteEmulator emulator)
{
    private static readonly HttpClient Http = new();

    private async Task<JsonObject> ServedAsync() =>
        (JsonObject)JsonNode.Parse(await Http.GetStringAsync(emulator.Url.TrimEnd('/') + OpenApiSetup.DocumentPath))!;

    private static string CommittedPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var path = Path.Combine(directory.FullName, "openapi", "controlplane.v1.json");
            if (File.Exists(Path.Combine(directory.FullName, "ControlPlane.sln"))) return path;
        }
        throw new InvalidOperationException("The repository root (ControlPlane.sln) was not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_committed_document_is_the_one_the_app_serves()
    {
        var path = CommittedPath();
        Assert.True(File.Exists(path), $"{path} is missing. Generate it with: {OpenApiSetup.RegenerateCommand}");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(path));
        var served = await ServedAsync();
        if (JsonNode.DeepEquals(committed, served)) return;
        var copy = Path.Combine(Path.GetTempPath(), "controlplane.v1.served.json");
        await File.WriteAllTextAsync(copy, served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Assert.Fail($"openapi/controlplane.v1.json differs from the document the app serves (written to {copy}). Regenerate it with: {OpenApiSetup.RegenerateCommand}");
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_and_lists_its_errors()
    {
        var document = await ServedAsync();
        Assert.StartsWith("3.", document["openapi"]!.GetValue<string>());
        var ids = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            Assert.True(path.StartsWith("/api/v1/", StringComparison.Ordinal) || path.StartsWith("/_controlplane/", StringComparison.Ordinal), path);
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                Assert.False(string.IsNullOrWhiteSpace(operation!["operationId"]?.GetValue<string>()), $"{where} has no operationId");
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
                Assert.Single(operation["tags"]!.AsArray());
                ids.Add(operation["operationId"]!.GetValue<string>());
                var responses = operation["responses"]!.AsObject();
                Assert.Contains(responses, r => r.Key.StartsWith('2'));
                Assert.Contains("400", responses.Select(r => r.Key));
                foreach (var (status, response) in responses.Where(r => r.Key[0] is '4'))
                {
                    Assert.True(response!["content"]?["application/problem+json"] is not null, $"{where} {status} is not problem+json");
                }
                if (path.Contains('{')) Assert.Contains("404", responses.Select(r => r.Key));
            }
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count > 90, $"only {ids.Count} operations");
    }

    [Fact]
    public async Task Swagger_ui_is_served_at_swagger()
    {
        using var response = await Http.GetAsync(emulator.Url.TrimEnd('/') + "/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync());
    }
}

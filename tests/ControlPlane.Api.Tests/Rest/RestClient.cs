using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>Plain HTTP against the host's REST API and sandbox, as one (account, region) via the documented headers.</summary>
public sealed class RestClient(string baseUrl, string? account, string? region = null)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) });
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Account => account;

    public Task<RestResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);
    public Task<RestResponse> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);
    public Task<RestResponse> PutAsync(string path, object? body = null) => SendAsync(HttpMethod.Put, path, body);
    public Task<RestResponse> PatchAsync(string path, object? body = null) => SendAsync(HttpMethod.Patch, path, body);
    public Task<RestResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <param name="body">Serialised as JSON (camelCase), or sent as it is when a string.</param>
    public async Task<RestResponse> SendAsync(HttpMethod method, string path, object? body = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, baseUrl.TrimEnd('/') + path);
        if (account is not null) request.Headers.Add("X-ControlPlane-Account", account);
        if (region is not null) request.Headers.Add("X-ControlPlane-Region", region);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body, Json);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        using var response = await Http.SendAsync(request);
        var content = await response.Content.ReadAsStringAsync();
        return new RestResponse(response.StatusCode, content.Length == 0 ? null : JsonNode.Parse(content), response.Content.Headers.ContentType?.MediaType,
            response.Headers.Location?.OriginalString, content);
    }
}

public sealed record RestResponse(HttpStatusCode Status, JsonNode? Body, string? ContentType, string? Location, string Text)
{
    /// <summary>Asserts a success status and JSON content; returns the body.</summary>
    public JsonNode Ok(HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(Status == expected, $"Expected {(int)expected}, got {(int)Status}: {Text}");
        Assert.Equal("application/json", ContentType);
        return Body!;
    }

    public void NoContent() => Assert.True(Status == HttpStatusCode.NoContent, $"Expected 204, got {(int)Status}: {Text}");

    /// <summary>Asserts an <c>application/problem+json</c> error with the AWS code as title and code (never the message text).</summary>
    public JsonNode Problem(HttpStatusCode status, string code)
    {
        Assert.True(Status == status && Body?["code"]?.GetValue<string>() == code, $"Expected {(int)status} {code}, got {(int)Status}: {Text}");
        Assert.Equal("application/problem+json", ContentType);
        Assert.Equal(code, Body!["title"]!.GetValue<string>());
        Assert.Equal((int)status, Body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(Body["detail"]?.GetValue<string>()));
        return Body;
    }
}

public static class RestEmulator
{
    /// <summary>A REST client acting as <paramref name="account"/> (a fresh account when null) in <paramref name="region"/>.</summary>
    public static RestClient Rest(this Emulator emulator, string? account = null, string region = "us-east-1") =>
        new(emulator.Url, account ?? emulator.NewAccount(), region);

    /// <summary>A client that sends no scope headers (the default account and region).</summary>
    public static RestClient RestWithoutScope(this Emulator emulator) => new(emulator.Url, null);

    public static string Str(this JsonNode? node, string member) => node?[member]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"No {member} in {node?.ToJsonString()}");

    public static JsonArray Arr(this JsonNode? node, string member) => node?[member] as JsonArray ?? throw new Xunit.Sdk.XunitException($"No list {member} in {node?.ToJsonString()}");
}

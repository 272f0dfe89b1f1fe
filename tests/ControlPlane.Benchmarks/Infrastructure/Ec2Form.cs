using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace ControlPlane.Benchmarks.Infrastructure;

/// <summary>
/// EC2 Query requests as raw form posts on a kept-alive loopback connection: no SDK, no signing, so what is timed is
/// the emulator plus one HTTP round trip. Unsigned requests act as account 000000000000 in us-east-1.
/// </summary>
public sealed partial class Ec2Form(HttpClient http) : IDisposable
{
    public const string ApiVersion = "2016-11-15";

    private static readonly MediaTypeHeaderValue FormType = new("application/x-www-form-urlencoded");

    public static Ec2Form For(Uri url) => new(new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        BaseAddress = url,
        Timeout = TimeSpan.FromMinutes(2),
    });

    /// <summary>The form body of an action: Action, Version, then the parameters, percent-encoded.</summary>
    public static byte[] Body(string action, params (string Key, string Value)[] parameters)
    {
        var text = new StringBuilder($"Action={action}&Version={ApiVersion}");
        foreach (var (key, value) in parameters) text.Append('&').Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Posts a prepared body; returns the response size in bytes, or throws with the error body.</summary>
    public async Task<int> PostAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = FormType;
        using var response = await http.PostAsync((Uri?)null, content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw Failure(body, (int)response.StatusCode, bytes);
        return bytes.Length;
    }

    /// <summary>Calls an action and returns the XML answer (fixture set-up).</summary>
    public async Task<string> CallAsync(string action, params (string Key, string Value)[] parameters)
    {
        var body = Body(action, parameters);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = FormType;
        using var response = await http.PostAsync((Uri?)null, content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw Failure(body, (int)response.StatusCode, bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A JSON POST to the REST API on the same connection pool; the answer's text (a failure status throws).</summary>
    public async Task<string> PostJsonAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? text : throw new InvalidOperationException($"POST {path} -> HTTP {(int)response.StatusCode}: {Shorten(text)}");
    }

    /// <summary>The text of the first <c>&lt;name&gt;</c> element.</summary>
    public static string Element(string xml, string name)
    {
        var match = Regex.Match(xml, $"<{name}>([^<]*)</{name}>");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No <{name}> in the answer: {Shorten(xml)}");
    }

    /// <summary>How many security groups a DescribeSecurityGroups answer holds (one groupDescription each).</summary>
    public static int CountGroups(string xml) => GroupDescriptionPattern().Count(xml);

    /// <summary>How many times <c>&lt;name&gt;</c> occurs (an element every item of a listing has exactly once).</summary>
    public static int Count(string xml, string name) => Regex.Count(xml, $"<{name}>");

    public void Dispose() => http.Dispose();

    private static InvalidOperationException Failure(byte[] body, int status, byte[] answer) =>
        new($"{Encoding.UTF8.GetString(body)} -> HTTP {status}: {Shorten(Encoding.UTF8.GetString(answer))}");

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    [GeneratedRegex("<groupDescription>")]
    private static partial Regex GroupDescriptionPattern();
}

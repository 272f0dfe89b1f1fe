using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlPlane.Api.Rest;

/// <summary>
/// The REST API's JSON: the AWS model's member names in camelCase (<c>cidrBlock</c>, <c>ipPermissions</c>), read without
/// regard to case, absent members left off. Members a type does not have are refused, never ignored.
/// </summary>
public static class RestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = false,
        // application/json is never HTML: leave quotes and apostrophes in AWS messages as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Enumerations (a route's target kind, ...) by name, not by number.
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Name(string member) => JsonNamingPolicy.CamelCase.ConvertName(member);
}

using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Domain.Errors;
using ControlPlane.Protocols;

namespace ControlPlane.Api.Rest;

/// <summary>
/// Builds an action's command from a REST request: route values, the route's fixed members, query parameters (command
/// members, or Describe filters on list operations) and the JSON body, all by the command's member names. Required
/// members come from the AWS model, as on the EC2 endpoint; every other check is the action's own validator.
/// </summary>
public static class RestRequestBinder
{
    public static async Task<object> BindAsync(RestOperation op, HttpRequest request, IReadOnlyDictionary<string, string> routeValues) =>
        Bind(op, op.Body ? await ReadBodyAsync(request) : [], routeValues, request.Query);

    /// <summary>A command from route values alone (the GET that answers for a created or changed resource).</summary>
    public static object BindRoute(RestOperation op, IReadOnlyDictionary<string, string> routeValues) =>
        Bind(op, [], routeValues, QueryCollection.Empty);

    private static object Bind(RestOperation op, JsonObject input, IReadOnlyDictionary<string, string> routeValues, IQueryCollection query)
    {
        var members = Members(op.Action.CommandType);
        var bound = op.Path.Where(p => p.Member is not null).Select(p => p.Member!).Concat(op.Fixed.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var key in input.Select(p => p.Key).ToList())
        {
            if (bound.Contains(key)) throw Ec2Errors.ParameterGivenByPath(key);
            if (!members.TryGetValue(key, out var member)) throw Ec2Errors.UnknownParameter(key);
            if (key != member.Name) Rename(input, key, member.Name);
        }

        var filters = new JsonArray();
        foreach (var path in op.Path)
        {
            var value = routeValues[path.Parameter];
            if (path.Member is not null) input[path.Member] = Typed(members[path.Member], [value], path.Parameter);
            else filters.Add(Filter(path.Filter!, [value]));
        }
        foreach (var (member, value) in op.Fixed) input[member] = JsonSerializer.SerializeToNode(value, RestJson.Options);
        foreach (var (key, values) in query)
        {
            if (members.TryGetValue(key, out var member) && member.Name != op.FilterMember && !bound.Contains(member.Name) && !input.ContainsKey(member.Name))
                input[member.Name] = Typed(member, values.Select(v => v ?? "").ToArray(), key);
            else if (op.QueryFilters) filters.Add(Filter(key, values.Select(v => v ?? "")));
            else throw Ec2Errors.UnknownParameter(key);
        }
        if (filters.Count > 0) input[op.FilterMember ?? "Filters"] = filters;

        foreach (var required in OperationInputs.RequiredMembers(op.Action.Service, op.Action.Name))
        {
            if (input[required] is null) throw Ec2Errors.MissingParameter(RestJson.Name(required));
        }
        try
        {
            return input.Deserialize(op.Action.CommandType, RestJson.Options) ?? throw Ec2Errors.InvalidRequestBody("null");
        }
        catch (JsonException e)
        {
            var where = e.Path?.TrimStart('$', '.') is { Length: > 0 } p ? p : "the body";
            throw e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? Ec2Errors.UnknownParameter(UnmappedMember(e.Message) ?? where)
                : Ec2Errors.InvalidParameterType(where, "not of the expected type");
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0) return [];
        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            if (string.IsNullOrWhiteSpace(text)) return [];
            if (JsonNode.Parse(text) is not JsonObject body) throw Ec2Errors.InvalidRequestBody("expected a JSON object");
            // The same member twice (or under two cases) would bind twice; reading the members also surfaces duplicates.
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, _) in body)
            {
                if (!names.Add(key)) throw Ec2Errors.InvalidRequestBody($"the member {key} is given twice");
            }
            return body;
        }
        catch (JsonException e)
        {
            throw Ec2Errors.InvalidRequestBody(e.Message);
        }
        catch (ArgumentException e)
        {
            throw Ec2Errors.InvalidRequestBody(e.Message);
        }
    }

    private static void Rename(JsonObject input, string from, string to)
    {
        var value = input[from];
        input.Remove(from);
        input[to] = value;
    }

    private static JsonObject Filter(string name, IEnumerable<string> values) =>
        new() { ["Name"] = name, ["Values"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()) };

    /// <summary>A path or query value as the member's JSON type: a one-item list for list members, numbers and booleans parsed.</summary>
    private static JsonNode Typed(PropertyInfo member, string[] values, string parameter)
    {
        var element = ResultPaths.ElementType(member.PropertyType);
        if (element is not null) return new JsonArray(values.Select(v => Scalar(element, v, parameter)).ToArray());
        if (values.Length != 1) throw Ec2Errors.InvalidParameterType(parameter, "give it once");
        return Scalar(member.PropertyType, values[0], parameter)!;
    }

    private static JsonNode? Scalar(Type type, string value, string parameter)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(int))
        {
            return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
                : throw Ec2Errors.InvalidParameterType(parameter, $"'{value}' is not an integer");
        }
        if (target == typeof(long))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n)
                : throw Ec2Errors.InvalidParameterType(parameter, $"'{value}' is not an integer");
        }
        if (target == typeof(bool))
        {
            return value is "true" or "false" ? JsonValue.Create(value == "true")
                : throw Ec2Errors.InvalidParameterType(parameter, $"'{value}' is not true or false");
        }
        return JsonValue.Create(value);
    }

    private static string? UnmappedMember(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> MemberCache = new();

    /// <summary>The command's members by name, without regard to case (JSON clients write camelCase).</summary>
    public static Dictionary<string, PropertyInfo> Members(Type commandType) =>
        MemberCache.GetOrAdd(commandType, static t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));
}

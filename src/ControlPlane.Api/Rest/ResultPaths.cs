using System.Reflection;
using System.Text.Json.Nodes;

namespace ControlPlane.Api.Rest;

/// <summary>
/// Paths into an action's result, written with the model's member names: <c>Vpc.VpcId</c>, <c>Reservations[0].Instances[0]</c>.
/// The same path finds the CLR type (for the OpenAPI document) and the value (in the serialised answer).
/// </summary>
public static class ResultPaths
{
    public static Type TypeAt(Type type, string path)
    {
        foreach (var (member, indexed) in Segments(path))
        {
            var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{type.Name} has no member {member} (path {path}).");
            type = property.PropertyType;
            if (indexed) type = ElementType(type) ?? throw new InvalidOperationException($"{type.Name}.{member} is not a list (path {path}).");
        }
        return type;
    }

    public static JsonNode? ValueAt(JsonNode? node, string path)
    {
        foreach (var (member, indexed) in Segments(path))
        {
            node = node is JsonObject o ? o[RestJson.Name(member)] : null;
            if (indexed) node = node is JsonArray { Count: > 0 } a ? a[0] : null;
        }
        return node;
    }

    /// <summary>The element type of a list type (<c>IReadOnlyList&lt;T&gt;</c>, arrays), or null when it is not one.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    private static IEnumerable<(string Member, bool Indexed)> Segments(string path) =>
        path.Split('.').Select(s => s.EndsWith("[0]", StringComparison.Ordinal) ? (s[..^3], true) : (s, false));
}

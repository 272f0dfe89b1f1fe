using System.Text.Json.Nodes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// ECS tags (kept in each resource's document under <c>tags</c>): at most 50, keys 1–128 characters, values up to
/// 256, the <c>aws:</c> prefix reserved. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html
/// </summary>
public static class EcsTags
{
    public static bool AreValid(IReadOnlyList<EcsTag>? tags) =>
        tags is null || (tags.Count <= 50 && tags.All(t => t.Key is { Length: >= 1 and <= 128 } key
            && !key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) && (t.Value?.Length ?? 0) <= 256));

    public static AwsException Invalid() => EcsErrors.InvalidParameter("The specified tags are not valid.");

    public static IReadOnlyList<EcsTag> Read(ServiceResource row) =>
        JsonNode.Parse(row.Document)?["tags"]?.AsArray().Select(t => new EcsTag(t?["key"]?.GetValue<string>(), t?["value"]?.GetValue<string>())).ToList() ?? [];

    /// <summary>Replaces the document's tags, whichever kind of resource it is.</summary>
    public static void Write(ServiceResource row, IReadOnlyList<EcsTag> tags)
    {
        var document = JsonNode.Parse(row.Document)!.AsObject();
        document["tags"] = new JsonArray(tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value ?? "" }).ToArray());
        row.Document = document.ToJsonString();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.ElastiCache;

/// <summary>
/// The tags of any ElastiCache resource, kept in its document's <c>tags</c> member whatever the kind (cluster, replication
/// group, serverless cache, subnet group). At most 50 per resource; keys are case-sensitive.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Tagging-Resources.html
/// </summary>
public static class CacheTags
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CacheTag> Read(ServiceResource row) =>
        JsonNode.Parse(row.Document)?["tags"]?.Deserialize<List<CacheTag>>(Json) ?? [];

    public static void Write(ServiceResource row, IReadOnlyList<CacheTag> tags)
    {
        var document = JsonNode.Parse(row.Document)!.AsObject();
        document["tags"] = JsonSerializer.SerializeToNode(tags, Json);
        row.Document = document.ToJsonString();
    }

    public static IReadOnlyList<TagShape> Shapes(IReadOnlyList<CacheTag> tags) => tags.Select(t => new TagShape(t.Key, t.Value)).ToList();

    public static IReadOnlyList<CacheTag> Merge(IReadOnlyList<CacheTag> tags, IReadOnlyList<TagShape> added)
    {
        var merged = tags.ToList();
        foreach (var tag in added)
        {
            merged.RemoveAll(t => t.Key == tag.Key);
            merged.Add(new CacheTag(tag.Key, tag.Value ?? ""));
        }
        if (merged.Count > 50) throw ElastiCacheErrors.TagQuotaPerResourceExceeded();
        return merged;
    }
}

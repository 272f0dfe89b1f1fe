using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using TagShape = ControlPlane.Application.Shapes.Tag;

namespace ControlPlane.Application.Querying;

/// <summary>Reads and writes the tags of resources (every Describe shows them; every create takes TagSpecifications).</summary>
public sealed class TagStore(ControlPlaneDbContext db, RequestContext request)
{
    private static readonly IReadOnlyList<TagShape> None = [];

    /// <summary>Loads the tags of the given resources.</summary>
    public async Task<Func<string, IReadOnlyList<TagShape>>> LoadAsync(IReadOnlyCollection<string> resourceIds, CancellationToken cancellationToken) =>
        ToLookup(await db.Tags.AsNoTracking().Where(t => resourceIds.Contains(t.ResourceId)).ToListAsync(cancellationToken));

    /// <summary>Loads the tags of every resource of one type (a Describe without ids).</summary>
    public async Task<Func<string, IReadOnlyList<TagShape>>> LoadAllAsync(string resourceType, CancellationToken cancellationToken) =>
        ToLookup(await db.Tags.AsNoTracking().Where(t => t.ResourceType == resourceType).ToListAsync(cancellationToken));

    private static Func<string, IReadOnlyList<TagShape>> ToLookup(List<Tag> rows)
    {
        var lookup = rows.GroupBy(r => r.ResourceId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<TagShape>)g.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new TagShape(t.Key, t.Value)).ToArray());
        return id => lookup.GetValueOrDefault(id, None);
    }

    /// <summary>Adds or overwrites tags (CreateTags semantics) in the current unit of work.</summary>
    public async Task SetAsync(string resourceId, string resourceType, IEnumerable<TagShape> tags, int limit, CancellationToken cancellationToken)
    {
        var existing = await db.Tags.Where(t => t.ResourceId == resourceId).ToListAsync(cancellationToken);
        foreach (var tag in tags)
        {
            var key = tag.Key ?? throw Ec2Errors.MissingParameter("Tag.N.Key");
            var row = existing.FirstOrDefault(t => t.Key == key);
            if (row is not null) { row.Value = tag.Value ?? ""; continue; }
            row = new Tag { AccountId = request.AccountId, Region = request.Region, ResourceId = resourceId, ResourceType = resourceType, Key = key, Value = tag.Value ?? "" };
            existing.Add(row);
            db.Tags.Add(row);
        }
        if (existing.Count > limit) throw Ec2Errors.TagLimitExceeded(resourceId);
    }

    /// <summary>Applies the TagSpecifications of a create action to the new resource, for the resource type it creates; returns the tags as Describe will show them.</summary>
    public async Task<IReadOnlyList<TagShape>> ApplyAsync(IReadOnlyList<Shapes.TagSpecification>? specifications, string resourceType, string resourceId, int limit, CancellationToken cancellationToken)
    {
        var tags = (specifications ?? []).Where(s => s.ResourceType == resourceType).SelectMany(s => s.Tags ?? []).ToList();
        if (tags.Count == 0) return None;
        await SetAsync(resourceId, resourceType, tags, limit, cancellationToken);
        return tags.GroupBy(t => t.Key).Select(g => new TagShape(g.Key, g.Last().Value ?? "")).OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
    }

    public Task RemoveAllAsync(string resourceId, CancellationToken cancellationToken) =>
        db.Tags.Where(t => t.ResourceId == resourceId).ExecuteDeleteAsync(cancellationToken);
}

using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Querying;

/// <summary>Id checks shared by every action: well-formed, and (for Describe by id) every id found.</summary>
public static class Ids
{
    public static void RequireWellFormed(IEnumerable<string>? ids, string prefix, Func<string, AwsException> malformed)
    {
        foreach (var id in ids ?? []) if (!ResourceIds.IsWellFormed(id, prefix)) throw malformed(id);
    }

    /// <summary>Describe by ids answers NotFound naming every id that does not exist (AWS lists them all).</summary>
    public static void RequireFound(IReadOnlyList<string>? requested, IEnumerable<string> found, Func<IReadOnlyList<string>, AwsException> notFound)
    {
        if (requested is null || requested.Count == 0) return;
        var set = found.ToHashSet(StringComparer.Ordinal);
        var missing = requested.Where(id => !set.Contains(id)).Distinct().ToList();
        if (missing.Count > 0) throw notFound(missing);
    }

    /// <summary>
    /// The Describe-by-ids step every Describe shares: ids well formed, the query narrowed to them, and every
    /// requested id found (else the resource's NotFound naming the missing ones).
    /// </summary>
    public static async Task<List<T>> LoadAsync<T>(
        IQueryable<T> query, IReadOnlyList<string>? ids, string prefix,
        Func<string, AwsException> malformed, Func<IReadOnlyList<string>, AwsException> notFound, CancellationToken cancellationToken)
        where T : Resource
    {
        RequireWellFormed(ids, prefix, malformed);
        if (ids is { Count: > 0 }) query = query.Where(e => ids.Contains(e.Id));
        var items = await query.ToListAsync(cancellationToken);
        RequireFound(ids, items.Select(e => e.Id), notFound);
        return items;
    }
}

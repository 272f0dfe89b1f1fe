using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;

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
}

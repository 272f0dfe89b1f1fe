using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>Look-ups other actions share with the prefix list actions, on the DbContext (the repository).</summary>
public static class PrefixListQueries
{
    /// <summary>
    /// The ids that name no list the caller can reference: neither one of its own lists (the scope filter applies)
    /// nor an AWS-managed list of the region.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MissingPrefixListsAsync(this ControlPlaneDbContext db, string region, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var candidates = ids.Where(id => AwsManagedPrefixLists.Find(region, id) is null).Distinct().ToList();
        if (candidates.Count == 0) return [];
        var found = await db.ManagedPrefixLists.Where(p => candidates.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return candidates.Except(found).ToList();
    }

    /// <summary>
    /// The entries of a list as they were at <paramref name="version"/>: each entry row records the versions it
    /// was part of. The list must have been found in the caller's scope (entry rows carry no scope of their own).
    /// </summary>
    public static IQueryable<ManagedPrefixListEntry> EntriesAt(this ControlPlaneDbContext db, string prefixListId, long version) =>
        db.ManagedPrefixListEntries.Where(e => e.PrefixListId == prefixListId && e.FromVersion <= version && (e.ToVersion == null || e.ToVersion > version));

    /// <summary>The weights of the prefix lists among <paramref name="prefixListIds"/> toward security group rule quotas.</summary>
    public static async Task<PrefixListWeights> PrefixListWeightsAsync(this ControlPlaneDbContext db, string region, IEnumerable<string> prefixListIds, CancellationToken cancellationToken)
    {
        var ids = prefixListIds.Distinct().ToList();
        var weights = new Dictionary<string, PrefixListWeights.Weight>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (AwsManagedPrefixLists.Find(region, id) is { } managed) weights[id] = new(false, managed.MaxEntries);
        }
        var customer = ids.Where(id => !weights.ContainsKey(id)).ToList();
        if (customer.Count > 0)
        {
            var lists = await db.ManagedPrefixLists.AsNoTracking().Where(p => customer.Contains(p.Id))
                .Select(p => new { p.Id, p.AddressFamily, p.MaxEntries }).ToListAsync(cancellationToken);
            foreach (var list in lists) weights[list.Id] = new(list.AddressFamily == PrefixListViews.Ipv6, list.MaxEntries);
        }
        return new PrefixListWeights(weights);
    }
}

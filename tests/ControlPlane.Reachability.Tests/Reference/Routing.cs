using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// Route selection as README §4 states it: longest prefix match over the table's routes, prefix-list routes expanded to
/// their entries; on equal length the local route, then a CIDR route, then a prefix-list route, then table order
/// (https://docs.aws.amazon.com/vpc/latest/userguide/how-route-tables-work.html#route-tables-priority).
/// </summary>
internal static class Routing
{
    public static RouteView? Lookup(NetworkView view, RouteTableView table, Peer destination, bool ipv6)
    {
        RouteView? best = null;
        (int Length, int Rank, int Index) bestKey = (-1, 0, 0);
        for (var index = 0; index < table.Routes.Count; index++)
        {
            var route = table.Routes[index];
            var cidrs = route.DestinationCidr is { } cidr
                ? [cidr]
                : view.PrefixLists.FirstOrDefault(p => p.Id == route.DestinationPrefixListId)?.Cidrs ?? [];
            var rank = route.TargetKind == RouteTargetKind.Local ? 0 : route.DestinationCidr is not null ? 1 : 2;
            foreach (var candidate in cidrs)
            {
                if (!destination.IsIn(candidate, ipv6)) continue;
                var key = (candidate.PrefixLength, rank, index);
                if (best is null || IsBetter(key, bestKey))
                {
                    best = route;
                    bestKey = key;
                }
            }
        }
        return best;
    }

    private static bool IsBetter((int Length, int Rank, int Index) key, (int Length, int Rank, int Index) than) =>
        key.Length != than.Length ? key.Length > than.Length
        : key.Rank != than.Rank ? key.Rank < than.Rank
        : key.Index < than.Index;
}

using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// Longest prefix match over one family's routes: one hash map per prefix length present, probed from the longest.
/// Prefix-list routes are expanded to their CIDRs. On equal prefix length the local route beats a CIDR route, which
/// beats a prefix-list route (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html); then the
/// table's order.
/// </summary>
internal sealed class LongestPrefixMatch
{
    private readonly int[] _lengths;
    private readonly Dictionary<UInt128, RouteView>[] _byLength;
    private readonly bool _ipv6;

    public LongestPrefixMatch(bool ipv6, IEnumerable<(Block Block, int Rank, RouteView Route)> routes)
    {
        _ipv6 = ipv6;
        var best = new Dictionary<(int Prefix, UInt128 Network), (int Rank, int Order, RouteView Route)>();
        var order = 0;
        foreach (var (block, rank, route) in routes)
        {
            order++;
            if (block.Ipv6 != ipv6) continue;
            var key = (block.Prefix, block.Low);
            if (!best.TryGetValue(key, out var current) || (rank, order).CompareTo((current.Rank, current.Order)) < 0) best[key] = (rank, order, route);
        }
        _lengths = [.. best.Keys.Select(k => k.Prefix).Distinct().OrderDescending()];
        _byLength = [.. _lengths.Select(length => best.Where(p => p.Key.Prefix == length).ToDictionary(p => p.Key.Network, p => p.Value.Route))];
    }

    /// <summary>The most specific route containing the host (for the unspecified internet host: containing every public address).</summary>
    public RouteView? Lookup(in Host host)
    {
        for (var i = 0; i < _lengths.Length; i++)
        {
            var length = _lengths[i];
            if (length > host.MaxPrefix) continue;
            if (_byLength[i].TryGetValue(host.Value & Mask(length), out var route)) return route;
        }
        return null;
    }

    private UInt128 Mask(int length)
    {
        if (length == 0) return UInt128.Zero;
        return _ipv6 ? UInt128.MaxValue << (128 - length) : (UInt128)(uint.MaxValue << (32 - length));
    }
}

/// <summary>A route table, compiled for longest prefix match per family.</summary>
internal sealed class CompiledRouteTable
{
    private readonly LongestPrefixMatch _v4;
    private readonly LongestPrefixMatch _v6;

    public CompiledRouteTable(RouteTableView view, IReadOnlyDictionary<string, Block[]> prefixLists)
    {
        View = view;
        var routes = view.Routes.SelectMany(route => Destinations(route, prefixLists)).ToList();
        _v4 = new LongestPrefixMatch(false, routes);
        _v6 = new LongestPrefixMatch(true, routes);
    }

    public RouteTableView View { get; }
    public string Id => View.Id;

    public RouteView? Lookup(in Host host) => (host.Ipv6 ? _v6 : _v4).Lookup(host);

    private static IEnumerable<(Block, int, RouteView)> Destinations(RouteView route, IReadOnlyDictionary<string, Block[]> prefixLists)
    {
        if (route.DestinationCidr is { } cidr)
        {
            yield return (Block.Of(cidr), route.TargetKind == RouteTargetKind.Local ? 0 : 1, route);
        }
        else if (route.DestinationPrefixListId is { } list && prefixLists.TryGetValue(list, out var blocks))
        {
            foreach (var block in blocks) yield return (block, 2, route);
        }
    }
}

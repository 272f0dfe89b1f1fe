namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// A set of addresses of one family as sorted, disjoint, inclusive intervals (binary search): the private addresses of
/// the interfaces that carry a security group, as a group-reference rule matches them.
/// </summary>
internal sealed class AddressSet
{
    private readonly UInt128[] _v4;
    private readonly UInt128[] _v6;

    private AddressSet(UInt128[] v4, UInt128[] v6)
    {
        _v4 = v4;
        _v6 = v6;
    }

    public static readonly AddressSet Empty = new([], []);

    public static AddressSet Of(IEnumerable<Host> addresses)
    {
        var v4 = new List<UInt128>();
        var v6 = new List<UInt128>();
        foreach (var host in addresses) (host.Ipv6 ? v6 : v4).Add(host.Value);
        return v4.Count == 0 && v6.Count == 0 ? Empty : new AddressSet(Intervals(v4), Intervals(v6));
    }

    /// <summary>Only a concrete private address can be a member: group references never match the unspecified internet host.</summary>
    public bool Contains(in Host host)
    {
        if (host.IsUnspecifiedInternet) return false;
        var bounds = host.Ipv6 ? _v6 : _v4;
        int lo = 0, hi = bounds.Length / 2 - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (host.Value < bounds[2 * mid]) hi = mid - 1;
            else if (host.Value > bounds[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    private static UInt128[] Intervals(List<UInt128> values)
    {
        values.Sort();
        var bounds = new List<UInt128>();
        foreach (var value in values)
        {
            if (bounds.Count > 0 && value <= bounds[^1] + 1) bounds[^1] = UInt128.Max(bounds[^1], value);
            else { bounds.Add(value); bounds.Add(value); }
        }
        return [.. bounds];
    }
}

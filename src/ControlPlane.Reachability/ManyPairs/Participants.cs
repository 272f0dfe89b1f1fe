using ControlPlane.Reachability.Analysis;
using ControlPlane.Reachability.Compiled;

namespace ControlPlane.Reachability.ManyPairs;

/// <summary>
/// The interfaces on one side of a many-pair question, each with the address <c>Analyze</c> would give it (its primary
/// IPv4 or first IPv6; none: UNASSOCIATED_COMPONENT), and those addresses sorted for range queries by a rule's peer.
/// </summary>
internal sealed class Participants
{
    private readonly UInt128[] _sortedHosts;
    private readonly int[] _sortedParticipants;

    /// <param name="pinned">Per interface, an address the question pins on it (one of its own), else null.</param>
    public Participants(IReadOnlyList<CompiledInterface> interfaces, bool ipv6, IReadOnlyList<Host?>? pinned = null)
    {
        Interfaces = [.. interfaces];
        Sides = new EniSide?[Interfaces.Length];
        HomeSubnets = new CompiledSubnet?[Interfaces.Length];
        var sorted = new List<(UInt128 Host, int Participant)>(Interfaces.Length);
        for (var i = 0; i < Interfaces.Length; i++)
        {
            var address = pinned?[i] is { } pin ? Interfaces[i].Own(pin) : Interfaces[i].DefaultAddress(ipv6);
            if (address is not { } own) continue;
            Sides[i] = new EniSide(Interfaces[i], own.Host, own);
            if (Interfaces[i].Subnet is { } subnet && subnet.BlockOf(ipv6) is { } block && block.Contains(own.Host)) HomeSubnets[i] = subnet;
            sorted.Add((own.Host.Value, i));
        }
        sorted.Sort();
        _sortedHosts = [.. sorted.Select(s => s.Host)];
        _sortedParticipants = [.. sorted.Select(s => s.Participant)];
    }

    public CompiledInterface[] Interfaces { get; }
    public EniSide?[] Sides { get; }

    /// <summary>The participant's subnet when its address lies in the subnet's block of the family (decisions may then be shared per subnet).</summary>
    public CompiledSubnet?[] HomeSubnets { get; }
    public int Count => Interfaces.Length;

    /// <summary>The participants whose address lies in [low, high].</summary>
    public ReadOnlySpan<int> Within(UInt128 low, UInt128 high)
    {
        var from = LowerBound(low);
        var to = high == UInt128.MaxValue ? _sortedHosts.Length : LowerBound(high + 1);
        return _sortedParticipants.AsSpan(from, to - from);
    }

    private int LowerBound(UInt128 value)
    {
        int lo = 0, hi = _sortedHosts.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sortedHosts[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// The view in indexed form, built once by <see cref="NetworkCompiler"/> and never changed afterwards: every lookup the
/// evaluator makes is a dictionary probe, a binary search or a walk over a pre-sorted list.
/// </summary>
internal sealed class NetworkIndex
{
    public required IReadOnlyDictionary<string, CompiledVpc> Vpcs { get; init; }
    public required IReadOnlyDictionary<string, CompiledSubnet> Subnets { get; init; }

    /// <summary>Every interface, ordered by id; <see cref="CompiledInterface.Index"/> is the position here.</summary>
    public required CompiledInterface[] Interfaces { get; init; }
    public required IReadOnlyDictionary<string, CompiledInterface> InterfacesById { get; init; }

    /// <summary>Owner id → its interfaces, ordered by id.</summary>
    public required IReadOnlyDictionary<string, CompiledInterface[]> InterfacesByOwner { get; init; }

    /// <summary>Owners by id, ARN and name.</summary>
    public required IReadOnlyDictionary<string, OwnerView> Owners { get; init; }

    public required IReadOnlyDictionary<string, CompiledGroup> Groups { get; init; }
    public required IReadOnlyDictionary<string, CompiledPeering> Peerings { get; init; }
    public required IReadOnlyDictionary<string, GatewayView> Gateways { get; init; }
    public required IReadOnlyDictionary<string, Block[]> PrefixLists { get; init; }

    /// <summary>Private IPv4 and IPv6 addresses → the interface that holds them (the first by id if two VPCs overlap).</summary>
    public required IReadOnlyDictionary<Host, CompiledInterface> PrivateAddresses { get; init; }

    /// <summary>Public and elastic IPv4 addresses → the interface they are associated with.</summary>
    public required IReadOnlyDictionary<Host, CompiledInterface> PublicAddresses { get; init; }

    /// <summary>Every private address of every interface, sorted per family: the candidates a CIDR peer covers.</summary>
    public required AddressDirectory Directory { get; init; }

    public bool InsideSomeVpc(in Host host)
    {
        foreach (var vpc in Vpcs.Values) if (vpc.Contains(host)) return true;
        return false;
    }
}

/// <summary>Every interface address of one view in address order, per family, for range queries by CIDR.</summary>
internal sealed class AddressDirectory
{
    private readonly (UInt128 Address, CompiledInterface Interface)[] _v4;
    private readonly (UInt128 Address, CompiledInterface Interface)[] _v6;

    public AddressDirectory(IEnumerable<CompiledInterface> interfaces)
    {
        var all = interfaces.SelectMany(i => i.Addresses.Select(a => (a.Host, Interface: i))).ToList();
        _v4 = [.. all.Where(a => !a.Host.Ipv6).Select(a => (a.Host.Value, a.Interface)).OrderBy(a => a.Value).ThenBy(a => a.Interface.Index)];
        _v6 = [.. all.Where(a => a.Host.Ipv6).Select(a => (a.Host.Value, a.Interface)).OrderBy(a => a.Value).ThenBy(a => a.Interface.Index)];
    }

    /// <summary>The (address, interface) pairs whose address lies in the block.</summary>
    public ReadOnlySpan<(UInt128 Address, CompiledInterface Interface)> Within(in Block block)
    {
        var list = block.Ipv6 ? _v6 : _v4;
        var from = LowerBound(list, block.Low);
        var to = block.High == UInt128.MaxValue ? list.Length : LowerBound(list, block.High + 1);
        return list.AsSpan(from, to - from);
    }

    private static int LowerBound((UInt128 Address, CompiledInterface Interface)[] list, UInt128 value)
    {
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].Address < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

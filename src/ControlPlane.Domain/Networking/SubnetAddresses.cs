using System.Net.Sockets;

namespace ControlPlane.Domain.Networking;

/// <summary>
/// The host addresses of one subnet block. AWS reserves the first four addresses (network, VPC router, DNS, future
/// use) and the last one of every subnet block, IPv4 and IPv6 alike, so a /28 holds 11 usable addresses.
/// IPv4 addresses are handed out lowest first; IPv6 addresses are drawn at random from the block (a /64 never runs
/// out), as AWS does. Addresses are compared and stored in canonical text (<c>2600:1f18::5</c>, not <c>…:0005</c>).
/// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
/// </summary>
public readonly record struct SubnetAddresses(Cidr Block)
{
    /// <summary>Network address, router, DNS, future use, and the last address.</summary>
    public const int ReservedCount = 5;

    private const int ReservedAtStart = 4;

    public bool IsIpv6 => Block.IsIpv6;

    /// <summary>Addresses a subnet can hand out (IPv6 blocks saturate; no subnet has that many interfaces).</summary>
    public UInt128 UsableCount => Block.Size > ReservedCount ? Block.Size - ReservedCount : UInt128.Zero;

    /// <summary>Reads one address of the block's family and tells whether it can be assigned.</summary>
    public AddressCheck Check(string? text, out string canonical)
    {
        canonical = "";
        if (text is null || !Cidr.TryParseAddress(text, out var value, out var family)) return AddressCheck.Malformed;
        if (family != Block.Family) return AddressCheck.Malformed;
        canonical = Text(value);
        if (value < Block.Network || value > Block.Last) return AddressCheck.Outside;
        return IsReserved(value) ? AddressCheck.Reserved : AddressCheck.Usable;
    }

    /// <summary>The canonical text of an address of this family, or null when the text is not one.</summary>
    public string? Canonical(string? text) =>
        text is not null && Cidr.TryParseAddress(text, out var value, out var family) && family == Block.Family ? Text(value) : null;

    /// <summary>
    /// The lowest <paramref name="count"/> usable addresses not in <paramref name="used"/> (canonical texts), fewer when
    /// the block runs out.
    /// </summary>
    public IReadOnlyList<string> LowestFree(IEnumerable<string> used, int count)
    {
        var taken = Values(used);
        var free = new List<string>(Math.Max(count, 0));
        var last = Block.Last - 1;
        for (var value = Block.Network + ReservedAtStart; free.Count < count && value <= last; value++)
        {
            if (!taken.Contains(value)) free.Add(Text(value));
        }
        return free;
    }

    /// <summary>
    /// <paramref name="count"/> usable addresses drawn at random, none in <paramref name="used"/>; fewer when the draws
    /// keep hitting used addresses (a nearly full small block).
    /// </summary>
    public IReadOnlyList<string> RandomFree(IEnumerable<string> used, int count, Random random)
    {
        var taken = Values(used);
        var free = new List<string>(Math.Max(count, 0));
        var span = UsableCount;
        if (span == UInt128.Zero) return free;
        for (var attempts = 0; free.Count < count && attempts < count * 64; attempts++)
        {
            var value = Block.Network + ReservedAtStart + Draw(random) % span;
            if (taken.Add(value)) free.Add(Text(value));
        }
        return free;
    }

    private bool IsReserved(UInt128 value) => value - Block.Network < ReservedAtStart || value == Block.Last;

    private HashSet<UInt128> Values(IEnumerable<string> used)
    {
        var set = new HashSet<UInt128>();
        foreach (var text in used)
        {
            if (Cidr.TryParseAddress(text, out var value, out var family) && family == Block.Family) set.Add(value);
        }
        return set;
    }

    private static UInt128 Draw(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new UInt128(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..]));
    }

    private string Text(UInt128 value) => Cidr.ToAddress(value, IsIpv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork).ToString();
}

/// <summary>What an address requested for a subnet is.</summary>
public enum AddressCheck
{
    Usable,
    Malformed,
    Outside,
    Reserved,
}

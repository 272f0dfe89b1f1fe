using System.Net;
using System.Net.Sockets;

namespace ControlPlane.Domain.Networking;

/// <summary>
/// An IPv4 or IPv6 CIDR block in canonical form. AWS canonicalises the host bits away
/// (<c>100.68.0.18/18</c> is stored as <c>100.68.0.0/18</c>), so two spellings of one block are the same value.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html
/// </summary>
public readonly record struct Cidr
{
    private Cidr(UInt128 network, int prefixLength, AddressFamily family)
    {
        Network = network;
        PrefixLength = prefixLength;
        Family = family;
    }

    public UInt128 Network { get; }
    public int PrefixLength { get; }
    public AddressFamily Family { get; }
    public bool IsIpv6 => Family == AddressFamily.InterNetworkV6;
    public int AddressBits => IsIpv6 ? 128 : 32;

    /// <summary>Number of addresses in the block (IPv4 only needs 33 bits; IPv6 saturates at UInt128.MaxValue).</summary>
    public UInt128 Size => PrefixLength == 0 && IsIpv6 ? UInt128.MaxValue : UInt128.One << (AddressBits - PrefixLength);

    public UInt128 Last => Network + (Size - 1);

    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (string.IsNullOrEmpty(text)) return false;
        var slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1) return false;
        if (!TryParseAddress(text.AsSpan(0, slash), out var value, out var family)) return false;
        var lengthText = text.AsSpan(slash + 1);
        if (lengthText.Length > 3 || !int.TryParse(lengthText, System.Globalization.NumberStyles.None, null, out var length)) return false;
        var bits = family == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (length > bits) return false;
        var mask = length == 0 ? UInt128.Zero : (UInt128.MaxValue << (128 - length)) >> (128 - bits);
        cidr = new Cidr(value & mask, length, family);
        return true;
    }

    /// <summary>A single host as a CIDR (/32 or /128).</summary>
    public static Cidr Host(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        return new Cidr(ToUInt128(bytes), bytes.Length * 8, address.AddressFamily);
    }

    public bool Contains(Cidr other) =>
        other.Family == Family && other.PrefixLength >= PrefixLength && other.Network >= Network && other.Last <= Last;

    public bool Overlaps(Cidr other) =>
        other.Family == Family && other.Network <= Last && Network <= other.Last;

    /// <summary>The address at <paramref name="offset"/> from the network address.</summary>
    public IPAddress AddressAt(UInt128 offset) => ToAddress(Network + offset, Family);

    public override string ToString() => $"{ToAddress(Network, Family)}/{PrefixLength}";

    public static IPAddress ToAddress(UInt128 value, AddressFamily family)
    {
        var length = family == AddressFamily.InterNetworkV6 ? 16 : 4;
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }
        return new IPAddress(bytes);
    }

    /// <summary>Strict parsing: dotted-quad IPv4 only (no <c>10.1</c> shorthand), IPv6 without a scope id.</summary>
    public static bool TryParseAddress(ReadOnlySpan<char> text, out UInt128 value, out AddressFamily family)
    {
        value = 0;
        family = AddressFamily.Unknown;
        if (text.Contains('%')) return false;
        if (text.Contains(':'))
        {
            if (!IPAddress.TryParse(text, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6) return false;
            value = ToUInt128(v6.GetAddressBytes());
            family = AddressFamily.InterNetworkV6;
            return true;
        }
        var parts = 0;
        uint octet = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || parts == 3) return false;
                value = (value << 8) | octet;
                parts++;
                octet = 0;
                digits = 0;
                continue;
            }
            if (c is < '0' or > '9' || digits == 3) return false;
            octet = octet * 10 + (uint)(c - '0');
            if (octet > 255) return false;
            digits++;
        }
        if (digits == 0 || parts != 3) return false;
        value = (value << 8) | octet;
        family = AddressFamily.InterNetwork;
        return true;
    }

    private static UInt128 ToUInt128(byte[] bytes)
    {
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        return value;
    }
}

using System.Net;
using System.Net.Sockets;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Reachability.Compiled;

/// <summary>
/// The other end of a packet as a rule sees it: one address (<see cref="MaxPrefix"/> 32 or 128), or the unspecified
/// internet host of README §5, which a CIDR matches only when it holds every public address of the family:
/// <c>0.0.0.0/0</c> for IPv4, <c>2000::/3</c> (global unicast, so <c>::/0</c> too) for IPv6. Both are one test:
/// a block contains the host when its prefix is no longer than <see cref="MaxPrefix"/> and it contains <see cref="Value"/>.
/// </summary>
internal readonly record struct Host(UInt128 Value, bool Ipv6, int MaxPrefix)
{
    private static readonly UInt128 GlobalUnicast = (UInt128)0x2000 << 112;

    public static Host Of(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        var ipv6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        return new Host(value, ipv6, ipv6 ? 128 : 32);
    }

    public static Host Internet(bool ipv6) => ipv6 ? new Host(GlobalUnicast, true, 3) : new Host(0, false, 0);

    public bool IsUnspecifiedInternet => MaxPrefix < (Ipv6 ? 128 : 32);

    /// <summary>RFC 1918 private space (10/8, 172.16/12, 192.168/16), which an internet gateway drops.</summary>
    public bool IsRfc1918 => !Ipv6 && !IsUnspecifiedInternet && (Value >> 24 == 10 || Value >> 20 == 0xAC1 || Value >> 16 == 0xC0A8);

    /// <summary>RFC 6598 shared space (100.64/10), which an internet gateway drops.</summary>
    public bool IsRfc6598 => !Ipv6 && !IsUnspecifiedInternet && Value >> 22 == (100u << 2 | 1);

    public IPAddress? Address => IsUnspecifiedInternet ? null : Cidr.ToAddress(Value, Ipv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);

    /// <summary>As a packet header shows it: the address as a /32 or /128, or the whole family for the unspecified host.</summary>
    public string ToCidr() => IsUnspecifiedInternet ? (Ipv6 ? "::/0" : "0.0.0.0/0") : $"{Address}/{MaxPrefix}";

    public override string ToString() => IsUnspecifiedInternet ? "the internet" : Address!.ToString();
}

/// <summary>A CIDR block as an inclusive range of numbers, with its prefix length (for the unspecified internet host).</summary>
internal readonly record struct Block(UInt128 Low, UInt128 High, int Prefix, bool Ipv6)
{
    public static Block Of(Cidr cidr)
    {
        var bits = cidr.IsIpv6 ? 128 : 32;
        var hostBits = bits - cidr.PrefixLength;
        var span = hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return new Block(cidr.Network, cidr.Network + span, cidr.PrefixLength, cidr.IsIpv6);
    }

    public bool Contains(in Host host) => host.Ipv6 == Ipv6 && Prefix <= host.MaxPrefix && host.Value >= Low && host.Value <= High;
}

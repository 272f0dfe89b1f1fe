using System.Net;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Reachability.Tests.Reference;

/// <summary>
/// The other end of a packet as a rule sees it: one address, or (<see cref="Address"/> null) the unspecified internet
/// host of README §5, which a CIDR matches only when the CIDR holds every public address of the family.
/// </summary>
internal sealed record Peer(IPAddress? Address)
{
    public static readonly Peer AnyInternetHost = new((IPAddress?)null);

    private static readonly Cidr EveryPublicIpv6 = Parse("2000::/3");
    private static readonly Cidr[] Rfc1918 = [Parse("10.0.0.0/8"), Parse("172.16.0.0/12"), Parse("192.168.0.0/16")];
    private static readonly Cidr Rfc6598 = Parse("100.64.0.0/10");

    public bool IsIn(Cidr cidr, bool ipv6)
    {
        if (cidr.IsIpv6 != ipv6) return false;
        if (Address is null) return ipv6 ? cidr.Contains(EveryPublicIpv6) : cidr.PrefixLength == 0;
        return cidr.Contains(Cidr.Host(Address));
    }

    /// <summary>Private address space (RFC 1918) an internet gateway drops: https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html</summary>
    public bool IsRfc1918 => Address is not null && Rfc1918.Any(c => c.Contains(Cidr.Host(Address)));

    /// <summary>Shared address space (RFC 6598, 100.64.0.0/10).</summary>
    public bool IsRfc6598 => Address is not null && Rfc6598.Contains(Cidr.Host(Address));

    public override string ToString() => Address?.ToString() ?? "internet";

    public static Cidr Parse(string text) =>
        Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException($"not a CIDR: {text}", nameof(text));
}

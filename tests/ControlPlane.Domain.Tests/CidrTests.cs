using System.Net;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.Tests;

public sealed class CidrTests
{
    [Theory]
    [InlineData("100.68.0.18/18", "100.68.0.0/18")]
    [InlineData("10.0.0.5/8", "10.0.0.0/8")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("192.168.1.1/32", "192.168.1.1/32")]
    [InlineData("255.255.255.255/0", "0.0.0.0/0")]
    [InlineData("2001:db8::1/32", "2001:db8::/32")]
    [InlineData("2001:DB8:0:0:0:0:0:1/128", "2001:db8::1/128")]
    [InlineData("::/0", "::/0")]
    public void Canonicalises_host_bits_away(string text, string canonical)
    {
        Assert.True(Cidr.TryParse(text, out var cidr));
        Assert.Equal(canonical, cidr.ToString());
    }

    [Fact]
    public void Two_spellings_of_one_block_are_equal()
    {
        Assert.True(Cidr.TryParse("100.68.0.18/18", out var a));
        Assert.True(Cidr.TryParse("100.68.63.255/18", out var b));
        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/")]
    [InlineData("/8")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/0008")]
    [InlineData("10.1/16")]
    [InlineData("10.0.0/24")]
    [InlineData("10.0.0.0.0/24")]
    [InlineData("256.0.0.0/8")]
    [InlineData("10.0.0.1000/32")]
    [InlineData("10..0.0/16")]
    [InlineData(" 10.0.0.0/16")]
    [InlineData("0x0A.0.0.0/8")]
    [InlineData("a.b.c.d/8")]
    [InlineData("::/129")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("2001:db8::g/32")]
    public void Rejects_what_AWS_rejects(string? text) => Assert.False(Cidr.TryParse(text, out _));

    [Fact]
    public void Knows_its_family()
    {
        Assert.True(Cidr.TryParse("10.0.0.0/16", out var v4));
        Assert.True(Cidr.TryParse("2600:1f18::/56", out var v6));
        Assert.False(v4.IsIpv6);
        Assert.Equal(32, v4.AddressBits);
        Assert.True(v6.IsIpv6);
        Assert.Equal(128, v6.AddressBits);
    }

    [Theory]
    [InlineData("10.0.0.0/16", 65536)]
    [InlineData("10.0.0.0/28", 16)]
    [InlineData("10.0.0.1/32", 1)]
    [InlineData("0.0.0.0/0", 4294967296)]
    public void Counts_addresses(string text, long size)
    {
        Assert.True(Cidr.TryParse(text, out var cidr));
        Assert.Equal((UInt128)size, cidr.Size);
    }

    [Fact]
    public void The_whole_IPv6_space_saturates_its_size() =>
        Assert.Equal(UInt128.MaxValue, Parse("::/0").Size);

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.1.0/24", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/16", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/16", "10.1.0.0/24", false)]
    [InlineData("0.0.0.0/0", "203.0.113.7/32", true)]
    [InlineData("2001:db8::/32", "2001:db8:1::/48", true)]
    [InlineData("2001:db8::/32", "2001:db9::/48", false)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    [InlineData("::/0", "10.0.0.0/8", false)]
    public void Contains_only_blocks_inside_it_of_its_family(string outer, string inner, bool contains) =>
        Assert.Equal(contains, Parse(outer).Contains(Parse(inner)));

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.255.0/24", true)]
    [InlineData("10.0.0.0/24", "10.0.0.128/25", true)]
    [InlineData("10.0.0.0/25", "10.0.0.128/25", false)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("10.0.0.0/8", "10.20.0.0/16", true)]
    [InlineData("2001:db8::/48", "2001:db8::/64", true)]
    [InlineData("0.0.0.0/0", "::/0", false)]
    public void Overlap_is_symmetric(string a, string b, bool overlaps)
    {
        Assert.Equal(overlaps, Parse(a).Overlaps(Parse(b)));
        Assert.Equal(overlaps, Parse(b).Overlaps(Parse(a)));
    }

    [Fact]
    public void Addresses_are_counted_from_the_network_address()
    {
        var cidr = Parse("10.0.1.0/24");
        Assert.Equal(IPAddress.Parse("10.0.1.0"), cidr.AddressAt(0));
        Assert.Equal(IPAddress.Parse("10.0.1.4"), cidr.AddressAt(4));
        Assert.Equal(IPAddress.Parse("10.0.1.255"), cidr.AddressAt(cidr.Size - 1));
        Assert.Equal(IPAddress.Parse("2001:db8::ff"), Parse("2001:db8::/64").AddressAt(255));
    }

    [Fact]
    public void A_host_is_a_full_length_block()
    {
        Assert.Equal("192.0.2.10/32", Cidr.Host(IPAddress.Parse("192.0.2.10")).ToString());
        Assert.Equal("2001:db8::5/128", Cidr.Host(IPAddress.Parse("2001:db8::5")).ToString());
        Assert.True(Parse("192.0.2.0/24").Contains(Cidr.Host(IPAddress.Parse("192.0.2.10"))));
    }

    [Fact]
    public void Last_is_the_broadcast_address() =>
        Assert.Equal(IPAddress.Parse("10.0.0.15"), Cidr.ToAddress(Parse("10.0.0.0/28").Last, System.Net.Sockets.AddressFamily.InterNetwork));

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text);
}

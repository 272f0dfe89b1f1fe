using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;

namespace ControlPlane.Domain.Tests;

public sealed class RulePeerTests
{
    [Fact]
    public void Cidr_peers_hold_the_canonical_block()
    {
        Assert.Equal("10.0.0.0/8", RulePeer.Ipv4(Parse("10.1.2.3/8")).Value);
        Assert.Equal("2001:db8::/32", RulePeer.Ipv6(Parse("2001:db8::1/32")).Value);
    }

    [Fact]
    public void A_cidr_peer_must_be_of_its_family()
    {
        Assert.Throws<ArgumentException>(() => RulePeer.Ipv4(Parse("::/0")));
        Assert.Throws<ArgumentException>(() => RulePeer.Ipv6(Parse("0.0.0.0/0")));
    }

    [Fact]
    public void A_group_peer_carries_its_owner()
    {
        var peer = RulePeer.Group("sg-0123456789abcdef0", "123456789012");
        Assert.Equal(PeerKind.SecurityGroup, peer.Kind);
        Assert.Equal("sg-0123456789abcdef0", peer.Value);
        Assert.Equal("123456789012", peer.UserId);
    }

    [Fact]
    public void Rules_count_toward_the_quota_of_their_family()
    {
        Assert.True(RulePeer.Ipv4(Parse("0.0.0.0/0")).CountsAsIpv4);
        Assert.False(RulePeer.Ipv4(Parse("0.0.0.0/0")).CountsAsIpv6);
        Assert.False(RulePeer.Ipv6(Parse("::/0")).CountsAsIpv4);
        Assert.True(RulePeer.Ipv6(Parse("::/0")).CountsAsIpv6);
    }

    [Fact]
    public void Group_references_and_prefix_lists_count_toward_both_quotas()
    {
        foreach (var peer in new[] { RulePeer.Group("sg-12345678", "1"), RulePeer.PrefixList("pl-12345678") })
        {
            Assert.True(peer.CountsAsIpv4);
            Assert.True(peer.CountsAsIpv6);
        }
    }

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text);
}

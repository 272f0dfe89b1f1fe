using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.Tests;

public sealed class SubnetAddressesTests
{
    private static SubnetAddresses Block(string cidr)
    {
        Assert.True(Cidr.TryParse(cidr, out var block));
        return new SubnetAddresses(block);
    }

    [Fact]
    public void A_28_hands_out_its_eleven_usable_addresses_lowest_first_then_none()
    {
        var block = Block("10.0.1.16/28");
        var all = block.LowestFree([], 20);
        Assert.Equal(11, all.Count);
        Assert.Equal("10.0.1.20", all[0]);
        Assert.Equal("10.0.1.30", all[^1]);
        Assert.Empty(block.LowestFree(all, 1));
        Assert.Equal(11, (int)block.UsableCount);
    }

    [Fact]
    public void Used_addresses_are_skipped()
    {
        var block = Block("10.0.0.0/24");
        Assert.Equal(["10.0.0.5", "10.0.0.7"], block.LowestFree(["10.0.0.4", "10.0.0.6"], 2));
    }

    [Theory]
    [InlineData("10.0.1.0", AddressCheck.Reserved)]
    [InlineData("10.0.1.1", AddressCheck.Reserved)]
    [InlineData("10.0.1.2", AddressCheck.Reserved)]
    [InlineData("10.0.1.3", AddressCheck.Reserved)]
    [InlineData("10.0.1.4", AddressCheck.Usable)]
    [InlineData("10.0.1.254", AddressCheck.Usable)]
    [InlineData("10.0.1.255", AddressCheck.Reserved)]
    [InlineData("10.0.2.4", AddressCheck.Outside)]
    [InlineData("10.0.1.256", AddressCheck.Malformed)]
    [InlineData("10.0.1", AddressCheck.Malformed)]
    [InlineData("2001:db8::5", AddressCheck.Malformed)]
    [InlineData(null, AddressCheck.Malformed)]
    public void Requested_IPv4_addresses_are_checked_against_the_block_and_its_reserved_five(string? address, AddressCheck expected)
    {
        Assert.Equal(expected, Block("10.0.1.0/24").Check(address, out _));
    }

    [Fact]
    public void IPv6_addresses_are_canonical_and_the_reserved_ones_are_refused()
    {
        var block = Block("2600:1f18:a:b01::/64");
        Assert.Equal(AddressCheck.Usable, block.Check("2600:1F18:000A:0B01:0000:0000:0000:0010", out var canonical));
        Assert.Equal("2600:1f18:a:b01::10", canonical);
        Assert.Equal(AddressCheck.Reserved, block.Check("2600:1f18:a:b01::3", out _));
        Assert.Equal(AddressCheck.Reserved, block.Check("2600:1f18:a:b01:ffff:ffff:ffff:ffff", out _));
        Assert.Equal(AddressCheck.Outside, block.Check("2600:1f18:a:b02::10", out _));
        Assert.Equal(AddressCheck.Malformed, block.Check("10.0.0.5", out _));
    }

    [Fact]
    public void IPv6_picks_are_distinct_usable_addresses_of_the_64_never_used_ones()
    {
        var block = Block("2600:1f18:a:b01::/64");
        var used = new[] { "2600:1f18:a:b01::10" };
        var picked = block.RandomFree(used, 20, new Random(7));
        Assert.Equal(20, picked.Count);
        Assert.Equal(20, picked.Distinct().Count());
        Assert.DoesNotContain(used[0], picked);
        Assert.All(picked, a => Assert.Equal(AddressCheck.Usable, block.Check(a, out var canonical)));
        Assert.All(picked, a => Assert.Equal(block.Canonical(a), a));
    }

    [Fact]
    public void Random_picks_in_a_full_small_block_come_back_short()
    {
        var block = Block("10.0.0.0/28");
        var used = block.LowestFree([], 10);
        var picked = block.RandomFree(used, 2, new Random(1));
        Assert.Equal(["10.0.0.14"], picked);
    }
}

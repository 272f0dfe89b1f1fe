using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.Tests;

public sealed class IpProtocolTests
{
    [Theory]
    [InlineData("tcp", 6)]
    [InlineData("TCP", 6)]
    [InlineData("Tcp", 6)]
    [InlineData("6", 6)]
    [InlineData("udp", 17)]
    [InlineData("UDP", 17)]
    [InlineData("17", 17)]
    [InlineData("icmp", 1)]
    [InlineData("ICMP", 1)]
    [InlineData("1", 1)]
    [InlineData("icmpv6", 58)]
    [InlineData("ICMPv6", 58)]
    [InlineData("58", 58)]
    [InlineData("-1", -1)]
    [InlineData("50", 50)]
    [InlineData("0", 0)]
    [InlineData("255", 255)]
    public void Security_groups_accept_names_in_any_case_and_numbers(string text, int number)
    {
        Assert.True(IpProtocol.TryParseSecurityGroupProtocol(text, out var protocol));
        Assert.Equal(number, protocol.Number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("all")]
    [InlineData("http")]
    [InlineData("256")]
    [InlineData("-2")]
    [InlineData("+6")]
    [InlineData(" 6")]
    [InlineData("6.0")]
    public void Unknown_protocols_are_rejected(string? text) => Assert.False(IpProtocol.TryParseSecurityGroupProtocol(text, out _));

    [Theory]
    [InlineData("6", 6)]
    [InlineData("-1", -1)]
    [InlineData("17", 17)]
    public void Network_acls_accept_numbers(string text, int number)
    {
        Assert.True(IpProtocol.TryParseNumber(text, out var protocol));
        Assert.Equal(number, protocol.Number);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    [InlineData("all")]
    public void Network_acls_reject_names(string text) => Assert.False(IpProtocol.TryParseNumber(text, out _));

    [Theory]
    [InlineData("6", "tcp")]
    [InlineData("tcp", "tcp")]
    [InlineData("TCP", "tcp")]
    [InlineData("17", "udp")]
    [InlineData("1", "icmp")]
    [InlineData("58", "icmpv6")]
    [InlineData("-1", "-1")]
    [InlineData("50", "50")]
    [InlineData("0", "0")]
    public void Answers_with_names_for_the_four_it_knows(string text, string wireName)
    {
        Assert.True(IpProtocol.TryParseSecurityGroupProtocol(text, out var protocol));
        Assert.Equal(wireName, protocol.WireName);
        Assert.Equal(wireName, protocol.ToString());
    }

    [Fact]
    public void A_number_and_its_name_are_the_same_protocol()
    {
        Assert.True(IpProtocol.TryParseSecurityGroupProtocol("6", out var number));
        Assert.True(IpProtocol.TryParseSecurityGroupProtocol("tcp", out var name));
        Assert.Equal(number, name);
        Assert.Equal(IpProtocol.Tcp, name);
    }

    [Theory]
    [InlineData(6, true, false)]
    [InlineData(17, true, false)]
    [InlineData(1, true, true)]
    [InlineData(58, true, true)]
    [InlineData(-1, false, false)]
    [InlineData(50, false, false)]
    public void Only_tcp_udp_icmp_and_icmpv6_carry_ports(int number, bool hasPorts, bool isIcmp)
    {
        var protocol = IpProtocol.FromNumber(number);
        Assert.Equal(hasPorts, protocol.HasPorts);
        Assert.Equal(isIcmp, protocol.IsIcmp);
        Assert.Equal(number == -1, protocol.IsAll);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(256)]
    public void Cannot_be_built_out_of_range(int number) => Assert.Throws<ArgumentOutOfRangeException>(() => IpProtocol.FromNumber(number));
}

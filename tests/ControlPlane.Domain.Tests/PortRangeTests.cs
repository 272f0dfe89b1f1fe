using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.Tests;

public sealed class PortRangeTests
{
    [Theory]
    [InlineData(22, 22)]
    [InlineData(0, 65535)]
    [InlineData(1024, 2048)]
    public void Tcp_and_udp_keep_their_range(int from, int to)
    {
        foreach (var protocol in new[] { IpProtocol.Tcp, IpProtocol.Udp })
        {
            var range = PortRange.ForSecurityGroup(protocol, from, to);
            Assert.Equal(from, range.From);
            Assert.Equal(to, range.To);
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(22, null)]
    [InlineData(null, 22)]
    public void Tcp_needs_both_ports(int? from, int? to)
    {
        var error = Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Tcp, from, to));
        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.", error.Message);
    }

    [Theory]
    [InlineData(-1, 22, -1)]
    [InlineData(22, 65536, 65536)]
    [InlineData(70000, 70001, 70000)]
    [InlineData(-1, -1, -1)]
    public void Tcp_ports_out_of_range_are_malformed(int from, int to, int reported)
    {
        var error = Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Udp, from, to));
        Assert.Equal("InvalidPermission.Malformed", error.Code);
        Assert.Equal($"TCP/UDP port ({reported}) out of range", error.Message);
    }

    [Fact]
    public void Tcp_from_above_to_is_invalid()
    {
        var error = Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Tcp, 443, 80));
        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Theory]
    [InlineData(-1, -1)]
    [InlineData(8, -1)]
    [InlineData(3, 4)]
    [InlineData(255, 255)]
    public void Icmp_keeps_type_and_code(int type, int code)
    {
        var range = PortRange.ForSecurityGroup(IpProtocol.Icmp, type, code);
        Assert.Equal(type, range.From);
        Assert.Equal(code, range.To);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(8, null)]
    public void Icmp_needs_type_and_code(int? type, int? code)
    {
        var error = Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Icmp, type, code));
        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal("Invalid value 'Must specify both from and to ports with ICMP.' for portRange.", error.Message);
    }

    [Theory]
    [InlineData(-2, 0)]
    [InlineData(256, 0)]
    public void Icmp_type_out_of_range_is_invalid(int type, int code)
    {
        var error = Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Icmp, type, code));
        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Contains("icmp type", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 256)]
    [InlineData(8, -2)]
    [InlineData(-1, 0)]
    public void Icmp_code_out_of_range_or_given_for_all_types_is_invalid(int type, int code)
    {
        var error = Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Icmp, type, code));
        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Contains("icmp code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Icmpv6_without_ports_covers_every_type()
    {
        var range = PortRange.ForSecurityGroup(IpProtocol.Icmpv6, null, null);
        Assert.Equal(-1, range.From);
        Assert.Equal(-1, range.To);
    }

    [Fact]
    public void Icmpv6_with_only_a_type_is_invalid() =>
        Assert.Equal("InvalidParameterValue", Assert.Throws<AwsException>(() => PortRange.ForSecurityGroup(IpProtocol.Icmpv6, 128, null)).Code);

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, 0)]
    [InlineData(-1, -1)]
    [InlineData(22, 80)]
    [InlineData(99999, -5)]
    public void All_protocols_and_other_numbers_ignore_ports(int? from, int? to)
    {
        Assert.Equal(PortRange.AllPorts, PortRange.ForSecurityGroup(IpProtocol.All, from, to));
        Assert.Equal(PortRange.AllPorts, PortRange.ForSecurityGroup(IpProtocol.FromNumber(50), from, to));
    }

    [Fact]
    public void All_ports_carry_no_numbers()
    {
        Assert.Null(PortRange.AllPorts.From);
        Assert.Null(PortRange.AllPorts.To);
        Assert.True(PortRange.AllPorts.Covers(12345));
    }

    [Theory]
    [InlineData(80, true)]
    [InlineData(100, true)]
    [InlineData(79, false)]
    [InlineData(101, false)]
    public void Covers_ports_inside_the_range(int port, bool covered) =>
        Assert.Equal(covered, PortRange.ForSecurityGroup(IpProtocol.Tcp, 80, 100).Covers(port));

    [Fact]
    public void Icmp_all_types_covers_every_type() =>
        Assert.True(PortRange.ForSecurityGroup(IpProtocol.Icmp, -1, -1).Covers(8));
}

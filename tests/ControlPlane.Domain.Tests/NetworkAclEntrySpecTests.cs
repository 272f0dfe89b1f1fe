using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.NetworkAcls;

namespace ControlPlane.Domain.Tests;

public sealed class NetworkAclEntrySpecTests
{
    private static NetworkAclEntrySpec Parse(
        string protocol = "-1", int? ruleNumber = 100, bool? egress = false, string? action = "allow", string? cidr = "0.0.0.0/0", string? ipv6 = null,
        int? from = null, int? to = null, int? type = null, int? code = null) =>
        NetworkAclEntrySpec.Parse(ruleNumber, egress, protocol, action, cidr, ipv6, from, to, type, code);

    private static AwsException Error(Func<NetworkAclEntrySpec> parse) => Assert.Throws<AwsException>(() => parse());

    [Fact]
    public void Tcp_keeps_its_ports_and_the_cidr_is_canonical()
    {
        var entry = Parse("6", cidr: "10.1.2.3/16", from: 443, to: 443).ToEntry("acl-1");
        Assert.Equal(("6", "10.1.0.0/16", 443, 443), (entry.Protocol, entry.CidrBlock, entry.PortFrom, entry.PortTo));
        Assert.Null(entry.Ipv6CidrBlock);
        Assert.Null(entry.IcmpType);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("50")]
    [InlineData("0")]
    public void Protocols_without_ports_drop_whatever_ports_were_sent(string protocol)
    {
        var entry = Parse(protocol, from: 0, to: 0, type: 3, code: 4).ToEntry("acl-1");
        Assert.Equal(protocol, entry.Protocol);
        Assert.Null(entry.PortFrom);
        Assert.Null(entry.PortTo);
        Assert.Null(entry.IcmpType);
        Assert.Null(entry.IcmpCode);
    }

    [Fact]
    public void Icmp_keeps_type_and_code_and_drops_ports()
    {
        var entry = Parse("1", from: 1, to: 2, type: 3, code: 4).ToEntry("acl-1");
        Assert.Equal((3, 4), (entry.IcmpType, entry.IcmpCode));
        Assert.Null(entry.PortFrom);
    }

    [Fact]
    public void Icmpv6_needs_type_and_code_only_with_an_ipv6_block()
    {
        Assert.Null(Parse("58").IcmpType);
        var v6 = Parse("58", cidr: null, ipv6: "2600:1f00::1/64", type: -1, code: -1).ToEntry("acl-1");
        Assert.Equal(("2600:1f00::/64", -1, -1), (v6.Ipv6CidrBlock, v6.IcmpType, v6.IcmpCode));
        Assert.Null(v6.CidrBlock);
        Assert.Equal("MissingParameter", Error(() => Parse("58", cidr: null, ipv6: "::/0")).Code);
    }

    [Fact]
    public void A_number_with_leading_zeros_is_stored_as_the_number() => Assert.Equal("6", Parse("06", from: 1, to: 1).ProtocolNumber);

    [Theory]
    [InlineData("tcp")]
    [InlineData("TCP")]
    [InlineData("icmpv6")]
    [InlineData("all")]
    [InlineData("")]
    [InlineData("256")]
    [InlineData("-2")]
    public void Protocol_names_are_unknown_protocols(string protocol)
    {
        var error = Error(() => Parse(protocol, from: 22, to: 22));
        Assert.Equal("InvalidParameterValue", error.Code);
        Assert.Equal($"Invalid value '{protocol}' for IP protocol. Unknown protocol.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(32767)]
    [InlineData(32768)]
    [InlineData(65535)]
    public void Rule_numbers_outside_1_to_32766_are_invalid(int number)
    {
        Assert.False(NetworkAclEntrySpec.IsValidRuleNumber(number));
        Assert.Equal("InvalidParameterValue", Error(() => Parse(ruleNumber: number)).Code);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32766)]
    public void Rule_numbers_1_to_32766_are_valid(int number) => Assert.Equal(number, Parse(ruleNumber: number).RuleNumber);

    [Theory]
    [InlineData("6", null, null, null, null, "MissingParameter")]
    [InlineData("17", 53, null, null, null, "MissingParameter")]
    [InlineData("6", -1, 22, null, null, "InvalidParameterValue")]
    [InlineData("6", 0, 65536, null, null, "InvalidParameterValue")]
    [InlineData("6", 90, 80, null, null, "InvalidParameterValue")]
    [InlineData("1", null, null, null, null, "MissingParameter")]
    [InlineData("1", null, null, 3, null, "MissingParameter")]
    [InlineData("1", null, null, 256, 0, "InvalidParameterValue")]
    [InlineData("1", null, null, 3, -2, "InvalidParameterValue")]
    public void Ports_and_icmp_are_required_and_in_range_where_the_protocol_uses_them(string protocol, int? from, int? to, int? type, int? code, string expected) =>
        Assert.Equal(expected, Error(() => Parse(protocol, from: from, to: to, type: type, code: code)).Code);

    [Theory]
    [InlineData("::/0", null, "InvalidParameterValue")]
    [InlineData("10.0.0.0/33", null, "InvalidParameterValue")]
    [InlineData("10.0.0/16", null, "InvalidParameterValue")]
    [InlineData(null, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData(null, null, "MissingParameter")]
    [InlineData("0.0.0.0/0", "::/0", "InvalidParameterCombination")]
    public void Exactly_one_cidr_of_the_right_family(string? cidr, string? ipv6, string expected) =>
        Assert.Equal(expected, Error(() => Parse(cidr: cidr, ipv6: ipv6)).Code);

    [Theory]
    [InlineData("permit", "InvalidParameterValue")]
    [InlineData("ALLOW", "InvalidParameterValue")]
    [InlineData(null, "MissingParameter")]
    public void The_action_is_allow_or_deny(string? action, string expected) => Assert.Equal(expected, Error(() => Parse(action: action)).Code);

    [Fact]
    public void The_direction_is_required() => Assert.Equal("MissingParameter", Error(() => Parse(egress: null)).Code);

    [Fact]
    public void Replacing_overwrites_every_field_but_number_and_direction()
    {
        var entry = Parse("6", from: 22, to: 22).ToEntry("acl-1");
        Parse("1", ruleNumber: 100, action: "deny", cidr: null, ipv6: "::/0", type: 8, code: 0).CopyTo(entry);
        Assert.Equal(("1", "deny", null, "::/0", null, null, 8, 0), (entry.Protocol, entry.RuleAction, entry.CidrBlock, entry.Ipv6CidrBlock, entry.PortFrom, entry.PortTo, entry.IcmpType, entry.IcmpCode));
        Assert.Equal((100, false), (entry.RuleNumber, entry.Egress));
    }

    private static List<NetworkAclEntry> Stored(int count, bool egress = false, bool ipv6 = false) =>
        Enumerable.Range(1, count).Select(n => Parse(ruleNumber: n, egress: egress, cidr: ipv6 ? null : "0.0.0.0/0", ipv6: ipv6 ? "::/0" : null).ToEntry("acl-1")).ToList();

    [Fact]
    public void The_quota_counts_the_star_rule_per_direction_and_family()
    {
        var nineteen = Stored(19);
        Assert.False(Parse(ruleNumber: 20).FitsBeside(nineteen, 20));
        Assert.True(Parse(ruleNumber: 20).FitsBeside(Stored(18), 20));
        Assert.True(Parse(ruleNumber: 20, egress: true).FitsBeside(nineteen, 20));
        Assert.True(Parse(ruleNumber: 20, cidr: null, ipv6: "::/0").FitsBeside(nineteen, 20));
        Assert.True(Parse(ruleNumber: 19).FitsBeside(nineteen, 20)); // replaces itself
        Assert.True(Parse(ruleNumber: 20).FitsBeside(nineteen, 40));
    }
}

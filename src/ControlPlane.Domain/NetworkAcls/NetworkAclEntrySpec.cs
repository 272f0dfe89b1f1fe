using System.Globalization;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;

namespace ControlPlane.Domain.NetworkAcls;

/// <summary>
/// A validated network ACL entry, as CreateNetworkAclEntry and ReplaceNetworkAclEntry take it:
/// <list type="bullet">
/// <item>a rule number from 1 to 32766 (32767 and up are AWS's: the <c>*</c> rules);</item>
/// <item>the protocol as a number (<c>-1</c> or 0-255); names such as <c>tcp</c> are "Unknown protocol" on the raw API;</item>
/// <item>exactly one of an IPv4 <c>CidrBlock</c> or an IPv6 <c>Ipv6CidrBlock</c>, canonicalised;</item>
/// <item>6 and 17 need a port range; 1, and 58 with an IPv6 block, need an ICMP type and code; every other protocol
/// covers all ports and ICMP types, so whatever was sent for them is dropped (Terraform sends ports 0-0 with -1).</item>
/// </list>
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNetworkAclEntry.html
/// </summary>
public sealed record NetworkAclEntrySpec
{
    public const int FirstRuleNumber = 1;
    public const int LastRuleNumber = 32766;

    private NetworkAclEntrySpec(int ruleNumber, bool egress, IpProtocol protocol, string ruleAction, Cidr cidr)
    {
        RuleNumber = ruleNumber;
        Egress = egress;
        Protocol = protocol;
        RuleAction = ruleAction;
        Cidr = cidr;
    }

    public int RuleNumber { get; }
    public bool Egress { get; }
    public IpProtocol Protocol { get; }

    /// <summary><c>allow</c> or <c>deny</c>.</summary>
    public string RuleAction { get; }
    public Cidr Cidr { get; }
    public int? PortFrom { get; private init; }
    public int? PortTo { get; private init; }
    public int? IcmpType { get; private init; }
    public int? IcmpCode { get; private init; }

    public static bool IsValidRuleNumber(int number) => number is >= FirstRuleNumber and <= LastRuleNumber;

    /// <exception cref="AwsException">The AWS error for the first thing wrong with the request.</exception>
    public static NetworkAclEntrySpec Parse(
        int? ruleNumber, bool? egress, string? protocol, string? ruleAction, string? cidrBlock, string? ipv6CidrBlock,
        int? portFrom, int? portTo, int? icmpType, int? icmpCode)
    {
        var number = ruleNumber ?? throw Ec2Errors.MissingParameter("ruleNumber");
        if (!IsValidRuleNumber(number)) throw Ec2Errors.InvalidNetworkAclRuleNumber(number);
        var direction = egress ?? throw Ec2Errors.MissingParameter("egress");
        if (ruleAction is not ("allow" or "deny"))
            throw ruleAction is null ? Ec2Errors.MissingParameter("ruleAction") : Ec2Errors.InvalidNetworkAclRuleAction(ruleAction);
        if (!IpProtocol.TryParseNumber(protocol, out var ipProtocol)) throw Ec2Errors.UnknownProtocol(protocol ?? "");
        var cidr = ParseCidr(cidrBlock, ipv6CidrBlock);
        var spec = new NetworkAclEntrySpec(number, direction, ipProtocol, ruleAction, cidr);

        return ipProtocol.Number switch
        {
            6 or 17 => spec.WithPorts(portFrom, portTo),
            1 => spec with { IcmpType = Icmp(icmpType, "icmpTypeCode.type"), IcmpCode = Icmp(icmpCode, "icmpTypeCode.code") },
            58 when cidr.IsIpv6 => spec with { IcmpType = Icmp(icmpType, "icmpTypeCode.type"), IcmpCode = Icmp(icmpCode, "icmpTypeCode.code") },
            _ => spec,
        };
    }

    private static Cidr ParseCidr(string? cidrBlock, string? ipv6CidrBlock)
    {
        if (cidrBlock is not null && ipv6CidrBlock is not null) throw Ec2Errors.NetworkAclEntryTwoCidrs();
        if (cidrBlock is not null)
            return Cidr.TryParse(cidrBlock, out var v4) && !v4.IsIpv6 ? v4 : throw Ec2Errors.InvalidCidrBlock(cidrBlock, "cidrBlock");
        if (ipv6CidrBlock is not null)
            return Cidr.TryParse(ipv6CidrBlock, out var v6) && v6.IsIpv6 ? v6 : throw Ec2Errors.InvalidCidrBlock(ipv6CidrBlock, "ipv6CidrBlock");
        throw Ec2Errors.NetworkAclEntryCidrMissing();
    }

    private NetworkAclEntrySpec WithPorts(int? portFrom, int? portTo)
    {
        var (from, to) = (Port(portFrom, "portRange.from"), Port(portTo, "portRange.to"));
        if (from > to) throw Ec2Errors.InvalidNetworkAclPortRange(from, to);
        return this with { PortFrom = from, PortTo = to };
    }

    private static int Port(int? value, string parameter) => value switch
    {
        null => throw Ec2Errors.MissingParameter(parameter),
        < 0 or > 65535 => throw Ec2Errors.InvalidNetworkAclPort(value.Value, parameter),
        _ => value.Value,
    };

    /// <summary>-1 means all ICMP types (or all codes of the type).</summary>
    private static int Icmp(int? value, string parameter) => value switch
    {
        null => throw Ec2Errors.MissingParameter(parameter),
        < -1 or > 255 => throw Ec2Errors.InvalidNetworkAclIcmp(value.Value, parameter),
        _ => value.Value,
    };

    /// <summary>The protocol as AWS stores and shows it for network ACLs: always the number.</summary>
    public string ProtocolNumber => Protocol.Number.ToString(CultureInfo.InvariantCulture);

    public NetworkAclEntry ToEntry(string networkAclId)
    {
        var entry = new NetworkAclEntry { NetworkAclId = networkAclId, RuleNumber = RuleNumber, Egress = Egress, Protocol = ProtocolNumber, RuleAction = RuleAction };
        CopyTo(entry);
        return entry;
    }

    /// <summary>Overwrites an entry of the same number and direction (ReplaceNetworkAclEntry).</summary>
    public void CopyTo(NetworkAclEntry entry)
    {
        entry.Protocol = ProtocolNumber;
        entry.RuleAction = RuleAction;
        entry.CidrBlock = Cidr.IsIpv6 ? null : Cidr.ToString();
        entry.Ipv6CidrBlock = Cidr.IsIpv6 ? Cidr.ToString() : null;
        entry.PortFrom = PortFrom;
        entry.PortTo = PortTo;
        entry.IcmpType = IcmpType;
        entry.IcmpCode = IcmpCode;
    }

    /// <summary>
    /// Whether this entry fits beside an ACL's stored entries (those of its own number and direction, which it would
    /// replace, aside). The quota is per direction and per address family and counts the <c>*</c> rule of that
    /// family, so the default 20 leaves room for 19 numbered rules.
    /// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-nacls
    /// </summary>
    public bool FitsBeside(IEnumerable<NetworkAclEntry> entries, int limitPerDirection)
    {
        var others = entries.Count(e => e.Egress == Egress && e.RuleNumber != RuleNumber && (e.Ipv6CidrBlock is not null) == Cidr.IsIpv6);
        return others + 1 + 1 <= limitPerDirection;
    }
}

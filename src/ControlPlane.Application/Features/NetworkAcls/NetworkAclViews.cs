using ControlPlane.Application.Querying;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>How a network ACL reads on the wire, and the DescribeNetworkAcls filter table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeNetworkAcls.html</summary>
public static class NetworkAclViews
{
    /// <summary>An ACL with the entries it shows (the stored ones and the <c>*</c> deny rules), so filters see what Describe shows.</summary>
    public sealed record Row(NetworkAcl Acl, IReadOnlyList<Shape.NetworkAclEntry> Entries, IReadOnlyList<Shape.Tag> Tags);

    /// <summary>The <c>*</c> rule that ends each direction's IPv4 list; never stored, never removable.</summary>
    public const int Ipv4CatchAllRule = 32767;

    /// <summary>The <c>*</c> rule that ends each direction's IPv6 list, present while the VPC has an IPv6 block.</summary>
    public const int Ipv6CatchAllRule = 32768;

    public static Row ToRow(NetworkAcl acl, bool vpcHasIpv6, IReadOnlyList<Shape.Tag> tags) => new(acl, Entries(acl, vpcHasIpv6), tags);

    /// <summary>
    /// The entries as AWS lists them: egress entries first, then ingress, each by rule number, each direction ending
    /// with its <c>*</c> deny entries (32767 for 0.0.0.0/0, and 32768 for ::/0 in a VPC with IPv6).
    /// https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html
    /// </summary>
    public static IReadOnlyList<Shape.NetworkAclEntry> Entries(NetworkAcl acl, bool vpcHasIpv6)
    {
        var catchAll = new[] { true, false }.SelectMany(egress => CatchAll(egress, vpcHasIpv6));
        return acl.Entries.Select(ToShape).Concat(catchAll)
            .OrderByDescending(e => e.Egress).ThenBy(e => e.RuleNumber)
            .ToList();
    }

    private static IEnumerable<Shape.NetworkAclEntry> CatchAll(bool egress, bool ipv6)
    {
        yield return new Shape.NetworkAclEntry(Ipv4CatchAllRule, egress, "-1", "deny", "0.0.0.0/0", null, null, null);
        if (ipv6) yield return new Shape.NetworkAclEntry(Ipv6CatchAllRule, egress, "-1", "deny", null, "::/0", null, null);
    }

    /// <summary>The protocol is the number AWS stores; port range and ICMP type/code appear only when the entry has them.</summary>
    private static Shape.NetworkAclEntry ToShape(NetworkAclEntry e) => new(
        e.RuleNumber, e.Egress, e.Protocol, e.RuleAction, e.CidrBlock, e.Ipv6CidrBlock,
        e.IcmpType is null && e.IcmpCode is null ? null : new Shape.IcmpTypeCode(e.IcmpType, e.IcmpCode),
        e.PortFrom is null && e.PortTo is null ? null : new Shape.PortRange(e.PortFrom, e.PortTo));

    public static Shape.NetworkAcl ToShape(Row row)
    {
        var acl = row.Acl;
        return new Shape.NetworkAcl(
            acl.Id, acl.VpcId, acl.AccountId, acl.IsDefault, row.Entries,
            acl.Associations.OrderBy(a => a.Id, StringComparer.Ordinal)
                .Select(a => new Shape.NetworkAclAssociation(a.Id, a.NetworkAclId, a.SubnetId)).ToList(),
            row.Tags);
    }


    /// <summary><c>entry.protocol</c> takes the number or, for the protocols AWS names, the name (tcp | udp | icmp).</summary>
    private static IEnumerable<string?> ProtocolValues(string protocol) =>
        IpProtocol.TryParseNumber(protocol, out var p) && p.WireName != protocol ? [protocol, p.WireName] : [protocol];

    public static readonly FilterTable<Row> Filters = new(new Dictionary<string, Func<Row, IEnumerable<string?>>>
    {
        ["association.association-id"] = r => r.Acl.Associations.Select(a => a.Id),
        ["association.network-acl-id"] = r => r.Acl.Associations.Select(a => a.NetworkAclId),
        ["association.subnet-id"] = r => r.Acl.Associations.Select(a => a.SubnetId),
        ["default"] = r => FilterValues.Bool(r.Acl.IsDefault),
        ["entry.cidr"] = r => r.Entries.Select(e => e.CidrBlock),
        ["entry.icmp.code"] = r => r.Entries.SelectMany(e => FilterValues.Int(e.IcmpTypeCode?.Code)),
        ["entry.icmp.type"] = r => r.Entries.SelectMany(e => FilterValues.Int(e.IcmpTypeCode?.Type)),
        ["entry.ipv6-cidr"] = r => r.Entries.Select(e => e.Ipv6CidrBlock),
        ["entry.port-range.from"] = r => r.Entries.SelectMany(e => FilterValues.Int(e.PortRange?.From)),
        ["entry.port-range.to"] = r => r.Entries.SelectMany(e => FilterValues.Int(e.PortRange?.To)),
        ["entry.protocol"] = r => r.Entries.SelectMany(e => ProtocolValues(e.Protocol)),
        ["entry.rule-action"] = r => r.Entries.Select(e => e.RuleAction),
        ["entry.egress"] = r => r.Entries.SelectMany(e => FilterValues.Bool(e.Egress)),
        ["entry.rule-number"] = r => r.Entries.SelectMany(e => FilterValues.Int(e.RuleNumber)),
        ["network-acl-id"] = r => FilterValues.One(r.Acl.Id),
        ["owner-id"] = r => FilterValues.One(r.Acl.AccountId),
        ["vpc-id"] = r => FilterValues.One(r.Acl.VpcId),
    }, r => r.Tags);
}

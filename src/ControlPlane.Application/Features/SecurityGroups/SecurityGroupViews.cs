using System.Globalization;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;
using Shape = ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// How groups and rules read on the wire, and the filter tables of DescribeSecurityGroups and
/// DescribeSecurityGroupRules.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroupRules.html
/// </summary>
public static class SecurityGroupViews
{
    public const string GroupResourceType = "security-group";
    public const string RuleResourceType = "security-group-rule";

    /// <param name="GroupNames">Names of the groups the rules reference (the <c>ip-permission.group-name</c> filter).</param>
    public sealed record GroupRow(SecurityGroup Group, IReadOnlyList<Shape.Tag> Tags, IReadOnlyDictionary<string, string> GroupNames);

    public sealed record RuleRow(SecurityGroupRule Rule, IReadOnlyList<Shape.Tag> Tags);

    public static Shape.SecurityGroup ToShape(SecurityGroup group, IReadOnlyList<Shape.Tag> tags, RequestContext request) => new(
        group.Id, group.GroupName, group.Description, group.AccountId, group.VpcId, request.Arn(GroupResourceType, group.Id),
        ToPermissions(group.Rules.Where(r => !r.IsEgress)),
        ToPermissions(group.Rules.Where(r => r.IsEgress)),
        tags);

    private static List<Shape.IpPermission> ToPermissions(IEnumerable<SecurityGroupRule> rules) =>
        PermissionGrouping.Group(rules).Select(g => ToPermission(g.Key, g.Select(Peer))).ToList();

    /// <summary>Specs as IpPermissions, grouped the way DescribeSecurityGroups groups rules (RevokeSecurityGroup*'s UnknownIpPermissions).</summary>
    public static IReadOnlyList<Shape.IpPermission> ToPermissions(IEnumerable<RuleSpec> specs) =>
        PermissionGrouping.Group(specs).Select(g => ToPermission(g.Key, g.Select(s => new PeerItem(s.Peer.Kind, s.Peer.Value, s.Peer.UserId, s.Description)))).ToList();

    /// <summary>One rule as DescribeSecurityGroupRules and Authorize* answer it: ports are -1 when the protocol has none.</summary>
    public static Shape.SecurityGroupRule ToRuleShape(SecurityGroupRule rule, IReadOnlyList<Shape.Tag> tags, RequestContext request) => new(
        rule.Id, rule.GroupId, rule.AccountId, rule.IsEgress, WireProtocol(rule.Protocol), rule.FromPort ?? -1, rule.ToPort ?? -1,
        rule.CidrIpv4, rule.CidrIpv6, rule.PrefixListId,
        rule.ReferencedGroupId is { } referenced ? new Shape.ReferencedSecurityGroup(referenced, rule.ReferencedUserId ?? rule.AccountId) : null,
        rule.Description, tags, request.Arn(RuleResourceType, rule.Id));

    public static Shape.RevokedSecurityGroupRule ToRevokedShape(SecurityGroupRule rule) => new(
        rule.Id, rule.GroupId, rule.IsEgress, WireProtocol(rule.Protocol), rule.FromPort ?? -1, rule.ToPort ?? -1,
        rule.CidrIpv4, rule.CidrIpv6, rule.PrefixListId, rule.ReferencedGroupId, rule.Description);

    private static string WireProtocol(int number) => IpProtocol.FromNumber(number).WireName;

    private sealed record PeerItem(PeerKind Kind, string Value, string? UserId, string? Description);

    private static PeerItem Peer(SecurityGroupRule rule)
    {
        var kind = rule.KindOfPeer();
        var value = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupId!;
        return new PeerItem(kind, value, rule.ReferencedUserId ?? rule.AccountId, rule.Description);
    }

    /// <summary>
    /// AWS always writes the four peer lists (empty ones as empty elements) and leaves the ports out for protocols
    /// without them. A group pair carries GroupId, UserId and Description (VpcId and PeeringStatus only for peered
    /// references, which are not emulated).
    /// </summary>
    private static Shape.IpPermission ToPermission(PermissionKey key, IEnumerable<PeerItem> peers)
    {
        var items = peers.ToList();
        return new Shape.IpPermission(
            WireProtocol(key.Protocol), key.FromPort, key.ToPort,
            items.Where(p => p.Kind == PeerKind.Ipv4Cidr).Select(p => new Shape.IpRange(p.Value, p.Description)).ToList(),
            items.Where(p => p.Kind == PeerKind.Ipv6Cidr).Select(p => new Shape.Ipv6Range(p.Value, p.Description)).ToList(),
            items.Where(p => p.Kind == PeerKind.PrefixList).Select(p => new Shape.PrefixListId { Id = p.Value, Description = p.Description }).ToList(),
            items.Where(p => p.Kind == PeerKind.SecurityGroup).Select(p => new Shape.UserIdGroupPair(GroupId: p.Value, UserId: p.UserId, Description: p.Description)).ToList());
    }

    public static readonly FilterTable<GroupRow> GroupFilters = new(GroupFields(), r => r.Tags);

    public static readonly FilterTable<RuleRow> RuleFilters = new(new Dictionary<string, Func<RuleRow, IEnumerable<string?>>>
    {
        ["group-id"] = r => FilterValues.One(r.Rule.GroupId),
        ["security-group-rule-id"] = r => FilterValues.One(r.Rule.Id),
    }, r => r.Tags);

    /// <summary>The filter names whose values need the referenced groups' names.</summary>
    public static bool NeedsGroupNames(IEnumerable<Shape.Filter>? filters) =>
        filters?.Any(f => f.Name is "ip-permission.group-name" or "egress.ip-permission.group-name") == true;

    private static Dictionary<string, Func<GroupRow, IEnumerable<string?>>> GroupFields()
    {
        var fields = new Dictionary<string, Func<GroupRow, IEnumerable<string?>>>
        {
            ["description"] = r => FilterValues.One(r.Group.Description),
            ["group-id"] = r => FilterValues.One(r.Group.Id),
            ["group-name"] = r => FilterValues.One(r.Group.GroupName),
            ["owner-id"] = r => FilterValues.One(r.Group.AccountId),
            ["vpc-id"] = r => FilterValues.One(r.Group.VpcId),
        };
        // Each rule filter looks at the rules of one direction; several may be satisfied by different rules of a group.
        foreach (var (prefix, egress) in new[] { ("ip-permission.", false), ("egress.ip-permission.", true) })
        {
            IEnumerable<SecurityGroupRule> Rules(GroupRow r) => r.Group.Rules.Where(x => x.IsEgress == egress);
            fields[prefix + "cidr"] = r => Rules(r).Select(x => x.CidrIpv4);
            fields[prefix + "from-port"] = r => Rules(r).Select(x => Number(x.FromPort));
            fields[prefix + "group-id"] = r => Rules(r).Select(x => x.ReferencedGroupId);
            fields[prefix + "group-name"] = r => Rules(r).Select(x => x.ReferencedGroupId is { } id ? r.GroupNames.GetValueOrDefault(id) : null);
            fields[prefix + "ipv6-cidr"] = r => Rules(r).Select(x => x.CidrIpv6);
            fields[prefix + "prefix-list-id"] = r => Rules(r).Select(x => x.PrefixListId);
            // AWS answers with names (tcp), clients also filter by number (6).
            fields[prefix + "protocol"] = r => Rules(r).SelectMany(x => new[] { WireProtocol(x.Protocol), Number(x.Protocol) });
            fields[prefix + "to-port"] = r => Rules(r).Select(x => Number(x.ToPort));
            fields[prefix + "user-id"] = r => Rules(r).Select(x => x.ReferencedGroupId is null ? null : x.ReferencedUserId ?? x.AccountId);
        }
        return fields;
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using ControlPlane.Application.Features.VpcPeering;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>What a rule referencing a group of a peered VPC shows of the peering.</summary>
    public sealed record PeeredReference(string VpcId, string VpcPeeringConnectionId, string PeeringStatus);

    /// <summary>The peering of each rule's referenced group, or null for a reference within the VPC (or none).</summary>
    public delegate PeeredReference? PeeringOf(SecurityGroupRule rule);

    private static readonly PeeringOf NoPeering = _ => null;

    /// <summary>
    /// Finds, for <paramref name="rules"/>, the references to groups of VPCs joined to the rule's group VPC by an
    /// active peering connection (the caller being a side of it). Costs one query on the peering connections when
    /// there are none; otherwise the referenced groups are read only in each peer's account, region and peered VPCs.
    /// <paramref name="groupVpcs"/> gives the VPC of each rule's group when known (else it is read).
    /// </summary>
    public static async Task<PeeringOf> LoadPeeringsAsync(ControlPlaneDbContext db, RequestContext request, IReadOnlyCollection<SecurityGroupRule> rules,
        IReadOnlyDictionary<string, string>? groupVpcs, CancellationToken cancellationToken)
    {
        var referencing = rules.Where(r => r.ReferencedGroupId is not null).ToList();
        if (referencing.Count == 0) return NoPeering;
        var connections = await db.VpcPeeringConnections.AsNoTracking().VisibleTo(request)
            .Where(p => p.Status == VpcPeeringConnections.Active)
            .ToListAsync(cancellationToken);
        if (connections.Count == 0) return NoPeering;

        if (groupVpcs is null)
        {
            var groupIds = referencing.Select(r => r.GroupId).Distinct().ToList();
            groupVpcs = await db.SecurityGroups.AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.VpcId, cancellationToken);
        }
        var links = groupVpcs.Values.Distinct()
            .SelectMany(vpc => RuleResolver.PeerSides(connections, request, vpc).Where(p => p.Region == request.Region).Select(p => (NearVpc: vpc, Peer: p)))
            .ToList();
        if (links.Count == 0) return NoPeering;

        var referencedVpcs = new Dictionary<(string Account, string Id), string>();
        var region = request.Region;
        foreach (var account in links.Select(l => l.Peer.Account).Distinct())
        {
            var vpcs = links.Where(l => l.Peer.Account == account).Select(l => l.Peer.VpcId).Distinct().ToList();
            var ids = referencing.Where(r => (r.ReferencedUserId ?? r.AccountId) == account).Select(r => r.ReferencedGroupId!).Distinct().ToList();
            if (ids.Count == 0) continue;
            var groups = await db.SecurityGroups.IgnoreQueryFilters().AsNoTracking()
                .Where(g => g.AccountId == account && g.Region == region && vpcs.Contains(g.VpcId) && ids.Contains(g.Id))
                .Select(g => new { g.Id, g.VpcId })
                .ToListAsync(cancellationToken);
            foreach (var g in groups) referencedVpcs[(account, g.Id)] = g.VpcId;
        }
        if (referencedVpcs.Count == 0) return NoPeering;

        var known = groupVpcs;
        return rule =>
        {
            if (rule.ReferencedGroupId is not { } referenced || !known.TryGetValue(rule.GroupId, out var nearVpc)) return null;
            var owner = rule.ReferencedUserId ?? rule.AccountId;
            if (!referencedVpcs.TryGetValue((owner, referenced), out var farVpc) || farVpc == nearVpc) return null;
            var link = links.FirstOrDefault(l => l.NearVpc == nearVpc && l.Peer.Account == owner && l.Peer.VpcId == farVpc);
            return link.Peer.ConnectionId is { } connection ? new PeeredReference(farVpc, connection, VpcPeeringConnections.Active) : null;
        };
    }

    public static Shape.SecurityGroup ToShape(SecurityGroup group, IReadOnlyList<Shape.Tag> tags, RequestContext request, PeeringOf? peering = null) => new(
        group.Id, group.GroupName, group.Description, group.AccountId, group.VpcId, request.Arn(GroupResourceType, group.Id),
        ToPermissions(group.Rules.Where(r => !r.IsEgress), peering ?? NoPeering),
        ToPermissions(group.Rules.Where(r => r.IsEgress), peering ?? NoPeering),
        tags);

    private static List<Shape.IpPermission> ToPermissions(IEnumerable<SecurityGroupRule> rules, PeeringOf peering) =>
        PermissionGrouping.Group(rules).Select(g => ToPermission(g.Key, g.Select(r => Peer(r, peering)))).ToList();

    /// <summary>Specs as IpPermissions, grouped the way DescribeSecurityGroups groups rules (RevokeSecurityGroup*'s UnknownIpPermissions).</summary>
    public static IReadOnlyList<Shape.IpPermission> ToPermissions(IEnumerable<RuleSpec> specs) =>
        PermissionGrouping.Group(specs).Select(g => ToPermission(g.Key, g.Select(s => new PeerItem(s.Peer.Kind, s.Peer.Value, s.Peer.UserId, s.Description, null)))).ToList();

    /// <summary>One rule as DescribeSecurityGroupRules and Authorize* answer it: ports are -1 when the protocol has none.</summary>
    public static Shape.SecurityGroupRule ToRuleShape(SecurityGroupRule rule, IReadOnlyList<Shape.Tag> tags, RequestContext request, PeeringOf? peering = null) => new(
        rule.Id, rule.GroupId, rule.AccountId, rule.IsEgress, WireProtocol(rule.Protocol), rule.FromPort ?? -1, rule.ToPort ?? -1,
        rule.CidrIpv4, rule.CidrIpv6, rule.PrefixListId,
        rule.ReferencedGroupId is { } referenced ? ReferencedGroup(rule, referenced, peering?.Invoke(rule)) : null,
        rule.Description, tags, request.Arn(RuleResourceType, rule.Id));

    private static Shape.ReferencedSecurityGroup ReferencedGroup(SecurityGroupRule rule, string referenced, PeeredReference? peered) =>
        new(referenced, rule.ReferencedUserId ?? rule.AccountId, peered?.VpcId, peered?.PeeringStatus, peered?.VpcPeeringConnectionId);

    public static Shape.RevokedSecurityGroupRule ToRevokedShape(SecurityGroupRule rule) => new(
        rule.Id, rule.GroupId, rule.IsEgress, WireProtocol(rule.Protocol), rule.FromPort ?? -1, rule.ToPort ?? -1,
        rule.CidrIpv4, rule.CidrIpv6, rule.PrefixListId, rule.ReferencedGroupId, rule.Description);

    private static string WireProtocol(int number) => IpProtocol.FromNumber(number).WireName;

    private sealed record PeerItem(PeerKind Kind, string Value, string? UserId, string? Description, PeeredReference? Peering);

    private static PeerItem Peer(SecurityGroupRule rule, PeeringOf peering)
    {
        var kind = rule.KindOfPeer();
        var value = rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.PrefixListId ?? rule.ReferencedGroupId!;
        return new PeerItem(kind, value, rule.ReferencedUserId ?? rule.AccountId, rule.Description, kind == PeerKind.SecurityGroup ? peering(rule) : null);
    }

    /// <summary>
    /// AWS always writes the four peer lists (empty ones as empty elements) and leaves the ports out for protocols
    /// without them. A group pair carries GroupId, UserId and Description, and for a group of a peered VPC also its
    /// VpcId, the VpcPeeringConnectionId and the PeeringStatus.
    /// </summary>
    private static Shape.IpPermission ToPermission(PermissionKey key, IEnumerable<PeerItem> peers)
    {
        var items = peers.ToList();
        return new Shape.IpPermission(
            WireProtocol(key.Protocol), key.FromPort, key.ToPort,
            items.Where(p => p.Kind == PeerKind.Ipv4Cidr).Select(p => new Shape.IpRange(p.Value, p.Description)).ToList(),
            items.Where(p => p.Kind == PeerKind.Ipv6Cidr).Select(p => new Shape.Ipv6Range(p.Value, p.Description)).ToList(),
            items.Where(p => p.Kind == PeerKind.PrefixList).Select(p => new Shape.PrefixListId { Id = p.Value, Description = p.Description }).ToList(),
            items.Where(p => p.Kind == PeerKind.SecurityGroup).Select(p => new Shape.UserIdGroupPair(
                GroupId: p.Value, UserId: p.UserId, VpcId: p.Peering?.VpcId, VpcPeeringConnectionId: p.Peering?.VpcPeeringConnectionId,
                PeeringStatus: p.Peering?.PeeringStatus, Description: p.Description)).ToList());
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

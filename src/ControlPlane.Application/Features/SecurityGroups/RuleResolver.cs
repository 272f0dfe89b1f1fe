using ControlPlane.Application.Features.PrefixLists;
using ControlPlane.Application.Features.VpcPeering;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.SecurityGroups;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Turns drafts into specs by looking up the groups they reference, in one query. A referenced group must exist and
/// be in the VPC of the group that gets the rule, or in a VPC joined to it by an <c>active</c> peering connection in
/// the same region (then it may belong to another account, named by UserId + GroupId, and is read only in that
/// account's scope and the peered VPCs); names are accepted only in the default VPC; the owner defaults to the
/// caller's account. A referenced prefix list must be one of the caller's lists or an
/// AWS-managed list of the region.
/// https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html#security-group-referencing
/// </summary>
public static class RuleResolver
{
    public enum Mode
    {
        /// <summary>Authorize and modify: the referenced group must exist in the same VPC or in an actively peered one.</summary>
        Strict,

        /// <summary>Revoke and description updates: an id is taken as given (a rule naming a missing group simply matches nothing).</summary>
        Match,
    }

    public static async Task<IReadOnlyList<RuleSpec>> ResolveAsync(this ControlPlaneDbContext db, RequestContext request, SecurityGroup group,
        IReadOnlyList<RuleDraft> drafts, Mode mode, CancellationToken cancellationToken)
    {
        if (mode == Mode.Strict) await RequirePrefixListsAsync(db, request.Region, drafts, cancellationToken);
        var references = drafts.Select(d => d.Group).OfType<GroupReference>().ToList();
        if (references.Count == 0) return drafts.Select(d => d.ToSpec(d.Peer!)).ToList();

        var names = references.Where(r => r.GroupId is null).Select(r => r.GroupName!).Distinct().ToList();
        if (names.Count > 0 && !await db.IsDefaultVpcAsync(group.VpcId, cancellationToken)) throw Ec2Errors.GroupNameOutsideDefaultVpc(names[0]);
        var ids = references.Select(r => r.GroupId).OfType<string>().Distinct().ToList();
        var vpcId = group.VpcId;
        var known = await db.SecurityGroups.AsNoTracking()
            .Where(g => ids.Contains(g.Id) || (g.VpcId == vpcId && names.Contains(g.GroupName)))
            .Select(g => new { g.Id, g.GroupName, g.VpcId })
            .ToListAsync(cancellationToken);
        var outside = mode == Mode.Strict
            ? references.Where(r => r.GroupId is { } id && (r.UserId is { } user && user != request.AccountId || !known.Any(g => g.Id == id && g.VpcId == vpcId)))
                .Select(r => (User: r.UserId ?? request.AccountId, Id: r.GroupId!)).Distinct().ToList()
            : [];
        var peered = outside.Count == 0
            ? new HashSet<(string User, string Id)>()
            : await PeeredGroupsAsync(db, request, vpcId, outside, cancellationToken);

        return drafts.Select(d => d.Group is { } reference ? d.ToSpec(Peer(reference)) : d.ToSpec(d.Peer!)).ToList();

        RulePeer Peer(GroupReference reference)
        {
            var userId = reference.UserId ?? request.AccountId;
            if (reference.GroupId is not { } id)
            {
                var named = known.FirstOrDefault(g => g.VpcId == vpcId && g.GroupName == reference.GroupName);
                return named is not null && userId == request.AccountId
                    ? RulePeer.Group(named.Id, userId)
                    : throw Ec2Errors.SecurityGroupNotFoundInDefaultVpc(reference.GroupName!);
            }
            if (mode == Mode.Match) return RulePeer.Group(id, userId);
            if (peered.Contains((userId, id))) return RulePeer.Group(id, userId);
            // Another account's groups are only reachable through an active VPC peering connection.
            var found = known.FirstOrDefault(g => g.Id == id);
            if (found is null || userId != request.AccountId) throw Ec2Errors.SecurityGroupNotFound(id);
            if (found.VpcId != vpcId) throw Ec2Errors.ReferencedGroupOtherVpc(id, group.Id);
            return RulePeer.Group(id, userId);
        }
    }

    /// <summary>
    /// Which of <paramref name="wanted"/> (owner account, group id) are groups of a VPC joined to <paramref name="vpcId"/>
    /// by an active peering connection in the caller's region. Connections are selected among those the caller is a
    /// side of; each peer's groups are read only in the peer's account and region, and only in its peered VPCs.
    /// </summary>
    private static async Task<HashSet<(string User, string Id)>> PeeredGroupsAsync(ControlPlaneDbContext db, RequestContext request, string vpcId,
        IReadOnlyList<(string User, string Id)> wanted, CancellationToken cancellationToken)
    {
        var found = new HashSet<(string User, string Id)>();
        var connections = await db.VpcPeeringConnections.AsNoTracking().VisibleTo(request)
            .Where(p => p.Status == VpcPeeringConnections.Active)
            .ToListAsync(cancellationToken);
        var peers = PeerSides(connections, request, vpcId).Where(p => p.Region == request.Region).ToList();
        foreach (var account in wanted.Select(w => w.User).Distinct())
        {
            var vpcs = peers.Where(p => p.Account == account).Select(p => p.VpcId).Distinct().ToList();
            if (vpcs.Count == 0) continue;
            var ids = wanted.Where(w => w.User == account).Select(w => w.Id).ToList();
            var region = request.Region;
            var groups = await db.SecurityGroups.IgnoreQueryFilters().AsNoTracking()
                .Where(g => g.AccountId == account && g.Region == region && vpcs.Contains(g.VpcId) && ids.Contains(g.Id))
                .Select(g => g.Id)
                .ToListAsync(cancellationToken);
            foreach (var id in groups) found.Add((account, id));
        }
        return found;
    }

    /// <summary>The far sides of <paramref name="connections"/> whose near side is the caller's VPC <paramref name="vpcId"/>.</summary>
    public static IEnumerable<(string Account, string Region, string VpcId, string ConnectionId)> PeerSides(IEnumerable<VpcPeeringConnection> connections,
        RequestContext request, string vpcId)
    {
        foreach (var c in connections)
        {
            if (c.IsRequester(request) && c.RequesterVpcId == vpcId) yield return (c.AccepterAccountId, c.AccepterRegion, c.AccepterVpcId, c.Id);
            if (c.IsAccepter(request) && c.AccepterVpcId == vpcId) yield return (c.RequesterAccountId, c.RequesterRegion, c.RequesterVpcId, c.Id);
        }
    }

    /// <summary>
    /// The rule quota of one group and direction with <paramref name="peers"/> as its rules, where a rule naming a
    /// customer-managed prefix list counts the list's MaxEntries (an AWS-managed list its weight).
    /// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
    /// </summary>
    public static async Task RequireWithinRuleQuotaAsync(this ControlPlaneDbContext db, RequestContext request, IReadOnlyCollection<RulePeer> peers,
        int quota, CancellationToken cancellationToken)
    {
        var lists = peers.Where(p => p.Kind == PeerKind.PrefixList).Select(p => p.Value);
        var weights = await db.PrefixListWeightsAsync(request.Region, lists, cancellationToken);
        if (weights.Exceed(peers, quota)) throw Ec2Errors.RulesPerSecurityGroupLimitExceeded();
    }

    private static async Task RequirePrefixListsAsync(ControlPlaneDbContext db, string region, IReadOnlyList<RuleDraft> drafts, CancellationToken cancellationToken)
    {
        var ids = drafts.Select(d => d.Peer).Where(p => p is { Kind: PeerKind.PrefixList }).Select(p => p!.Value).Distinct().ToList();
        if (ids.Count == 0) return;
        var missing = await db.MissingPrefixListsAsync(region, ids, cancellationToken);
        if (missing.Count > 0) throw Ec2Errors.PrefixListNotFound(missing[0]);
    }
}

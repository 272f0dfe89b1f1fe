using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.SecurityGroups;
using Microsoft.EntityFrameworkCore;
using SecurityGroup = ControlPlane.Domain.Model.SecurityGroup;
using SecurityGroupRule = ControlPlane.Domain.Model.SecurityGroupRule;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// RevokeSecurityGroupIngress and RevokeSecurityGroupEgress, one implementation with the direction as a parameter.
/// Rules are named by id, or by their properties: protocol, ports and peer must match (the description does not;
/// ports do not count for protocols without them, so <c>-1</c> with ports 0/0 is the all-traffic rule). In a
/// nondefault VPC a permission that matches no rule is InvalidPermission.NotFound and nothing is revoked; in the
/// default VPC the unmatched ones come back in UnknownIpPermissions.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html
/// </summary>
public sealed class RuleRevoker(ControlPlaneDbContext db, RequestContext request)
{
    public sealed record Outcome(IReadOnlyList<RevokedSecurityGroupRule> Revoked, IReadOnlyList<IpPermission>? Unknown);

    public async Task<Outcome> RevokeAsync(SecurityGroup group, bool egress, IReadOnlyList<IpPermission> permissions, IReadOnlyList<string>? ruleIds,
        CancellationToken cancellationToken)
    {
        var rules = await db.RulesOfAsync(group.Id, egress, cancellationToken);
        var revoked = new List<SecurityGroupRule>();
        foreach (var id in ruleIds ?? [])
        {
            revoked.Add(rules.Find(r => r.Id == id) ?? throw await db.RuleNotInGroupAsync(id, group.Id, cancellationToken));
        }

        var specs = await db.ResolveAsync(request, group, RuleParser.Parse(permissions), RuleResolver.Mode.Match, cancellationToken);
        var unknown = new List<RuleSpec>();
        foreach (var spec in specs)
        {
            if (rules.Find(r => r.Identity == spec.Identity) is { } rule) revoked.Add(rule);
            else unknown.Add(spec);
        }
        if (unknown.Count > 0 && !await db.IsDefaultVpcAsync(group.VpcId, cancellationToken)) throw Ec2Errors.PermissionNotFound();

        var distinct = revoked.Distinct().ToList();
        var ids = distinct.Select(r => r.Id).ToList();
        await db.Tags.Where(t => ids.Contains(t.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        db.SecurityGroupRules.RemoveRange(distinct);
        return new Outcome(
            distinct.Select(SecurityGroupViews.ToRevokedShape).ToList(),
            unknown.Count > 0 ? SecurityGroupViews.ToPermissions(unknown) : null);
    }
}

using ControlPlane.Application.Features.Vpcs;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.SecurityGroups;
using SecurityGroup = ControlPlane.Domain.Model.SecurityGroup;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// AuthorizeSecurityGroupIngress and AuthorizeSecurityGroupEgress, one implementation with the direction as a
/// parameter. Every peer becomes one rule with its own <c>sgr-</c> id; the request is all or nothing: a rule that
/// already exists (or appears twice in the request) is InvalidPermission.Duplicate, and the quota holds per
/// direction, separately for IPv4 and IPv6 rules (a group reference or prefix list counts toward both).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html
/// https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups
/// </summary>
public sealed class RuleAuthorizer(ControlPlaneDbContext db, VpcBuilder builder, TagStore tags, RequestContext request, QuotaOptions quotas)
{
    public async Task<IReadOnlyList<Shapes.SecurityGroupRule>> AuthorizeAsync(SecurityGroup group, bool egress, IReadOnlyList<IpPermission> permissions,
        IReadOnlyList<TagSpecification>? tagSpecifications, CancellationToken cancellationToken)
    {
        if (permissions.Count == 0) throw Ec2Errors.MissingParameter("IpPermissions");
        var specs = await db.ResolveAsync(request, group, RuleParser.Parse(permissions), RuleResolver.Mode.Strict, cancellationToken);
        var existing = await db.RulesOfAsync(group.Id, egress, cancellationToken);

        var identities = existing.Select(r => r.Identity).ToHashSet(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (!identities.Add(spec.Identity)) throw Ec2Errors.PermissionDuplicate(spec.DuplicateDescription);
        }
        // A prefix list counts as many rules as it may hold entries (reference §1.7); everything else counts one.
        var peers = existing.Select(r => r.ToSpec().Peer).Concat(specs.Select(s => s.Peer)).ToList();
        await db.RequireWithinRuleQuotaAsync(request, peers, quotas.RulesPerSecurityGroup, cancellationToken);

        var sequence = await db.NextRuleSequenceAsync(group.Id, cancellationToken);
        var rules = specs.Select(spec => builder.NewRule(group.Id, egress, spec, sequence++)).ToList();
        // References into a peered VPC answer with the peering, as Describe shows them.
        var peering = await SecurityGroupViews.LoadPeeringsAsync(db, request, rules, new Dictionary<string, string> { [group.Id] = group.VpcId }, cancellationToken);
        var created = new List<Shapes.SecurityGroupRule>(rules.Count);
        foreach (var rule in rules)
        {
            db.SecurityGroupRules.Add(rule);
            var applied = await tags.ApplyAsync(tagSpecifications, SecurityGroupViews.RuleResourceType, rule.Id, quotas.TagsPerResource, cancellationToken);
            created.Add(SecurityGroupViews.ToRuleShape(rule, applied, request, peering));
        }
        return created;
    }
}

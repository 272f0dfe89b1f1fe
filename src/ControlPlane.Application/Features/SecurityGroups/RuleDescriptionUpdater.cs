using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using SecurityGroup = ControlPlane.Domain.Model.SecurityGroup;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// UpdateSecurityGroupRuleDescriptionsIngress and ...Egress, one implementation with the direction as a parameter.
/// Rules are named by their properties (IpPermissions, matched as a revoke matches them) or by id; a description left
/// out removes the rule's description. A permission that matches no rule is InvalidPermission.NotFound.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UpdateSecurityGroupRuleDescriptionsIngress.html
/// </summary>
public sealed class RuleDescriptionUpdater(ControlPlaneDbContext db, RequestContext request)
{
    public async Task UpdateAsync(SecurityGroup group, bool egress, IReadOnlyList<IpPermission>? permissions,
        IReadOnlyList<SecurityGroupRuleDescription>? descriptions, CancellationToken cancellationToken)
    {
        var rules = await db.RulesOfAsync(group.Id, egress, cancellationToken);
        var specs = await db.ResolveAsync(request, group, RuleParser.Parse(permissions ?? []), RuleResolver.Mode.Match, cancellationToken);
        foreach (var spec in specs)
        {
            var rule = rules.Find(r => r.Identity == spec.Identity) ?? throw Ec2Errors.PermissionNotFound();
            rule.Description = spec.Description;
        }
        foreach (var description in descriptions ?? [])
        {
            var id = description.SecurityGroupRuleId!;
            var rule = rules.Find(r => r.Id == id) ?? throw await db.RuleNotInGroupAsync(id, group.Id, cancellationToken);
            rule.Description = description.Description;
        }
    }
}

using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>Look-ups the security group actions share, on the DbContext (the repository).</summary>
public static class SecurityGroupQueries
{
    /// <summary>
    /// The group an action names: by GroupId, or by GroupName, which AWS resolves only in the default VPC
    /// ("[Default VPC] The name of the security group").
    /// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html
    /// </summary>
    public static async Task<SecurityGroup> FindSecurityGroupAsync(this ControlPlaneDbContext db, string? groupId, string? groupName, CancellationToken cancellationToken)
    {
        if (groupId is not null)
            return await db.SecurityGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken) ?? throw Ec2Errors.SecurityGroupNotFound(groupId);
        var name = groupName ?? throw Ec2Errors.MissingParameter("GroupId");
        var defaultVpc = await db.DefaultVpcIdAsync(cancellationToken);
        return await db.SecurityGroups.AsNoTracking().FirstOrDefaultAsync(g => g.VpcId == defaultVpc && g.GroupName == name, cancellationToken)
            ?? throw Ec2Errors.SecurityGroupNotFoundInDefaultVpc(name);
    }

    public static Task<string?> DefaultVpcIdAsync(this ControlPlaneDbContext db, CancellationToken cancellationToken) =>
        db.Vpcs.Where(v => v.IsDefault).Select(v => v.Id).FirstOrDefaultAsync(cancellationToken);

    public static Task<bool> IsDefaultVpcAsync(this ControlPlaneDbContext db, string vpcId, CancellationToken cancellationToken) =>
        db.Vpcs.AnyAsync(v => v.Id == vpcId && v.IsDefault, cancellationToken);

    /// <summary>The rules of one group and direction, tracked so the caller can change or remove them.</summary>
    public static Task<List<SecurityGroupRule>> RulesOfAsync(this ControlPlaneDbContext db, string groupId, bool egress, CancellationToken cancellationToken) =>
        db.SecurityGroupRules.Where(r => r.GroupId == groupId && r.IsEgress == egress).OrderBy(r => r.Sequence).ToListAsync(cancellationToken);

    /// <summary>Rules keep the order they were added in, across both directions of the group.</summary>
    public static async Task<long> NextRuleSequenceAsync(this ControlPlaneDbContext db, string groupId, CancellationToken cancellationToken) =>
        (await db.SecurityGroupRules.Where(r => r.GroupId == groupId).MaxAsync(r => (long?)r.Sequence, cancellationToken) ?? -1) + 1;

    /// <summary>A rule id that is not among the group's rules of that direction: unknown, or someone else's.</summary>
    public static async Task<AwsException> RuleNotInGroupAsync(this ControlPlaneDbContext db, string ruleId, string groupId, CancellationToken cancellationToken) =>
        await db.SecurityGroupRules.AnyAsync(r => r.Id == ruleId, cancellationToken)
            ? Ec2Errors.RuleNotInGroup(ruleId, groupId)
            : Ec2Errors.SecurityGroupRuleNotFound(ruleId);
}

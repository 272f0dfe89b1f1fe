using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.SecurityGroups;
using FluentValidation;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Validation shared by the rule actions of both directions, so each validator states what its action accepts
/// in a line each and every error keeps its AWS code (the pattern of <see cref="Querying.TagRules"/>).
/// </summary>
public static class RuleRequestRules
{
    public static void ValidGroupId<T>(this AbstractValidator<T> validator) where T : IGroupTarget
    {
        validator.RuleFor(c => c.GroupId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("GroupId"));
        validator.WellFormedGroupId();
    }

    public static void ValidGroupIdOrName<T>(this AbstractValidator<T> validator) where T : INamedGroupTarget
    {
        validator.RuleFor(c => c).Must(c => c.GroupId is not null || c.GroupName is not null).WithAwsError((_, _) => Ec2Errors.MissingParameter("GroupId"));
        validator.WellFormedGroupId();
    }

    /// <summary>Every IpPermission parses: protocol, ports, CIDRs, prefix list and group ids, descriptions, at least one peer.</summary>
    public static void ValidPermissions<T>(this AbstractValidator<T> validator) where T : IRuleRequest =>
        validator.RuleForEach(c => c.IpPermissions).Must(p => Problem(p) is null).WithAwsError((_, p) => Problem(p)!);

    /// <summary>Ingress: IpPermissions or the flat parameters (not both), and every rule they state parses.</summary>
    public static void ValidIngressPermissions<T>(this AbstractValidator<T> validator) where T : IRuleRequest, ILegacyRuleParameters =>
        validator.RuleFor(c => c).Must(c => IngressProblem(c) is null).WithAwsError((c, _) => IngressProblem(c)!);

    /// <summary>Authorize states at least one rule.</summary>
    public static void RequirePermissions<T>(this AbstractValidator<T> validator) where T : IRuleRequest, ILegacyRuleParameters =>
        validator.RuleFor(c => c).Must(c => c.IpPermissions is { Count: > 0 } || c.HasLegacyParameters())
            .WithAwsError((_, _) => Ec2Errors.MissingParameter("IpPermissions"));

    /// <summary>Revoke states rules, by properties or by id.</summary>
    public static void RequirePermissionsOrRuleIds<T>(this AbstractValidator<T> validator) where T : IRuleRequest, ILegacyRuleParameters, IRuleIdRequest =>
        validator.RuleFor(c => c).Must(c => c.IpPermissions is { Count: > 0 } || c.HasLegacyParameters() || c.SecurityGroupRuleIds is { Count: > 0 })
            .WithAwsError((_, _) => Ec2Errors.MissingParameter("IpPermissions"));

    /// <summary>Egress: the model carries the flat parameters, AWS answers that they are not supported.</summary>
    public static void NoLegacyParameters<T>(this AbstractValidator<T> validator) where T : ILegacyRuleParameters =>
        validator.RuleFor(c => c).Must(c => !c.HasLegacyParameters()).WithAwsError((_, _) => Ec2Errors.EgressLegacyParameters());

    public static void WellFormedRuleIds<T>(this AbstractValidator<T> validator) where T : IRuleIdRequest =>
        validator.RuleForEach(c => c.SecurityGroupRuleIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.SecurityGroupRule))
            .WithAwsError((_, id) => Ec2Errors.SecurityGroupRuleIdMalformed(id));

    /// <summary>UpdateSecurityGroupRuleDescriptions*: the group, and rules by IpPermissions or by id with a valid description.</summary>
    public static void ValidDescriptionUpdate<T>(this AbstractValidator<T> validator) where T : IRuleDescriptionRequest
    {
        validator.ValidGroupIdOrName();
        validator.RuleFor(c => c).Must(c => c.IpPermissions is { Count: > 0 } || c.SecurityGroupRuleDescriptions is { Count: > 0 })
            .WithAwsError((_, _) => Ec2Errors.MissingParameter("IpPermissions"));
        validator.ValidPermissions();
        validator.RuleForEach(c => c.SecurityGroupRuleDescriptions).Must(d => d.SecurityGroupRuleId is not null)
            .WithAwsError((_, _) => Ec2Errors.MissingParameter("SecurityGroupRuleDescription.N.SecurityGroupRuleId"));
        validator.RuleForEach(c => c.SecurityGroupRuleDescriptions)
            .Must(d => d.SecurityGroupRuleId is null || ResourceIds.IsWellFormed(d.SecurityGroupRuleId, ResourceIds.SecurityGroupRule))
            .WithAwsError((_, d) => Ec2Errors.SecurityGroupRuleIdMalformed(d.SecurityGroupRuleId!));
        validator.RuleForEach(c => c.SecurityGroupRuleDescriptions).Must(d => d.Description is null || SecurityGroupText.IsValidRuleDescription(d.Description))
            .WithAwsError((_, d) => Ec2Errors.InvalidRuleDescription(d.Description!));
    }

    private static void WellFormedGroupId<T>(this AbstractValidator<T> validator) where T : IGroupTarget =>
        validator.RuleFor(c => c.GroupId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.SecurityGroup))
            .WithAwsError((_, id) => Ec2Errors.SecurityGroupIdMalformed(id!));

    private static AwsException? Problem(IpPermission permission) => RuleParser.Problem(() => RuleParser.Parse(permission));

    private static AwsException? IngressProblem<T>(T request) where T : IRuleRequest, ILegacyRuleParameters =>
        RuleParser.Problem(() => RuleParser.Parse(RuleParser.Permissions(request)));
}

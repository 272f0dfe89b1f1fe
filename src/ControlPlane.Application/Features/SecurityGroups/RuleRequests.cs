using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.SecurityGroups;

// What the security group actions' commands have in common, so the shared validation (RuleRequestRules) and the
// shared implementations (RuleAuthorizer, RuleRevoker, RuleDescriptionUpdater) serve both directions.

/// <summary>An action on one group, named by id.</summary>
public interface IGroupTarget
{
    string? GroupId { get; }
}

/// <summary>An action on one group, named by id or (default VPC) by name.</summary>
public interface INamedGroupTarget : IGroupTarget
{
    string? GroupName { get; }
}

/// <summary>A request that names rules by their <c>sgr-</c> ids.</summary>
public interface IRuleIdRequest
{
    IReadOnlyList<string>? SecurityGroupRuleIds { get; }
}

/// <summary>A request that states rules as IpPermissions.</summary>
public interface IRuleRequest
{
    IReadOnlyList<IpPermission>? IpPermissions { get; }
}

/// <summary>
/// The flat parameters the Authorize and Revoke actions carry in the model. The ingress actions accept them; the
/// egress actions reject them (AWS: "Not supported", use IpPermissions).
/// </summary>
public interface ILegacyRuleParameters
{
    string? IpProtocol { get; }
    int? FromPort { get; }
    int? ToPort { get; }
    string? CidrIp { get; }
    string? SourceSecurityGroupName { get; }
    string? SourceSecurityGroupOwnerId { get; }
}

public static class LegacyRuleParameters
{
    public static bool HasLegacyParameters(this ILegacyRuleParameters p) =>
        p.IpProtocol is not null || p.FromPort is not null || p.ToPort is not null || p.CidrIp is not null
        || p.SourceSecurityGroupName is not null || p.SourceSecurityGroupOwnerId is not null;
}

/// <summary>What both UpdateSecurityGroupRuleDescriptions actions take besides the group.</summary>
public interface IRuleDescriptionRequest : INamedGroupTarget, IRuleRequest
{
    IReadOnlyList<SecurityGroupRuleDescription>? SecurityGroupRuleDescriptions { get; }
}

using ControlPlane.Domain.Model;

namespace ControlPlane.Domain.SecurityGroups;

/// <summary>The part of a rule that DescribeSecurityGroups groups by: protocol number and ports (null when the protocol has none).</summary>
public readonly record struct PermissionKey(int Protocol, int? FromPort, int? ToPort)
{
    public static PermissionKey Of(RuleSpec spec) => new(spec.Protocol.Number, spec.Ports.From, spec.Ports.To);

    public static PermissionKey Of(SecurityGroupRule rule) => new(rule.Protocol, rule.FromPort, rule.ToPort);
}

/// <summary>
/// DescribeSecurityGroups has no rule ids: it shows one IpPermission per (protocol, from port, to port), holding
/// every peer of the rules that share them, in the order the first such rule was added (moto's
/// GroupedSecurityRuleView does the same). DescribeSecurityGroupRules shows the rules one by one instead.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
/// </summary>
public static class PermissionGrouping
{
    /// <summary>Stored rules, in the order they were added to the group.</summary>
    public static IReadOnlyList<IGrouping<PermissionKey, SecurityGroupRule>> Group(IEnumerable<SecurityGroupRule> rules) =>
        rules.OrderBy(r => r.Sequence).GroupBy(PermissionKey.Of).ToList();

    /// <summary>Specs, in the order given (e.g. the unmatched part of a revoke request).</summary>
    public static IReadOnlyList<IGrouping<PermissionKey, RuleSpec>> Group(IEnumerable<RuleSpec> specs) =>
        specs.GroupBy(PermissionKey.Of).ToList();
}

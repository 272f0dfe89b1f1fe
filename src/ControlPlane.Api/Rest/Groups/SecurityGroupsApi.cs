using ControlPlane.Application.Features.SecurityGroups;

namespace ControlPlane.Api.Rest.Groups;

/// <summary><c>/api/v1/security-groups</c> and their rules.</summary>
internal static class SecurityGroupsApi
{
    private static readonly Dictionary<string, string> GroupFilter = new() { ["groupId"] = "group-id" };

    public static void Map(RestApiBuilder api) =>
        api.Resource("security-groups", "groupId", "SecurityGroup", "security group", "Security groups")
            .List("DescribeSecurityGroups", SecurityGroupViews.GroupFilters.Names)
            .Get("DescribeSecurityGroups")
            .Create("CreateSecurityGroup", id: "GroupId")
            .Delete("DeleteSecurityGroup")
            .Read("{groupId}/rules", "DescribeSecurityGroupRules", "List a security group's rules", "listSecurityGroupRules",
                SecurityGroupViews.RuleFilters.Names, GroupFilter)
            .Post("{groupId}/ingress-rules", "AuthorizeSecurityGroupIngress", "Add inbound rules (ipPermissions)")
            .Post("{groupId}/egress-rules", "AuthorizeSecurityGroupEgress", "Add outbound rules (ipPermissions)")
            .Post("{groupId}/ingress-rules/revoke", "RevokeSecurityGroupIngress", "Remove inbound rules, by their properties or securityGroupRuleIds")
            .Post("{groupId}/egress-rules/revoke", "RevokeSecurityGroupEgress", "Remove outbound rules, by their properties or securityGroupRuleIds")
            .Delete("{groupId}/ingress-rules/{securityGroupRuleId}", "RevokeSecurityGroupIngress", "Remove one inbound rule by its id",
                operationId: "revokeSecurityGroupIngressRule")
            .Delete("{groupId}/egress-rules/{securityGroupRuleId}", "RevokeSecurityGroupEgress", "Remove one outbound rule by its id",
                operationId: "revokeSecurityGroupEgressRule")
            .Patch("{groupId}/rules", "ModifySecurityGroupRules", "Replace rules in place by their ids (securityGroupRules)");
}

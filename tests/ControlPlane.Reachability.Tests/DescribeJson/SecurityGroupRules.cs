using System.Text.Json;
using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.DescribeJson.DescribeNetwork;

namespace ControlPlane.Reachability.Tests.DescribeJson;

/// <summary>
/// Security group rules from either shape the CLI prints: <c>describe-security-group-rules</c> (one rule per item, with its
/// <c>sgr-</c> id), or the <c>IpPermissions</c>/<c>IpPermissionsEgress</c> of <c>describe-security-groups</c>, where one
/// permission holds several peers and AWS counts one rule per peer
/// (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html).
/// </summary>
internal static class SecurityGroupRules
{
    /// <summary>The rules of <c>describe-security-group-rules</c> by group id, or null when the command is not in the input.</summary>
    public static Dictionary<string, List<SecurityGroupRuleView>>? ByGroup(JsonElement network)
    {
        if (Member(network, "describe-security-group-rules").ValueKind != JsonValueKind.Object) return null;
        return Items(network, "describe-security-group-rules", "SecurityGroupRules")
            .GroupBy(r => Text(r, "GroupId")!)
            .ToDictionary(g => g.Key, g => g.Select(Rule).ToList());
    }

    public static SecurityGroupView Group(JsonElement group, Dictionary<string, List<SecurityGroupRuleView>>? rulesByGroup)
    {
        var id = Text(group, "GroupId")!;
        var rules = rulesByGroup is null
            ? [.. FromPermissions(id, group, "IpPermissions", egress: false), .. FromPermissions(id, group, "IpPermissionsEgress", egress: true)]
            : rulesByGroup.GetValueOrDefault(id) ?? [];
        return new SecurityGroupView(id, Text(group, "VpcId")!, Text(group, "OwnerId") ?? "", Text(group, "GroupName") ?? "", rules);
    }

    private static SecurityGroupRuleView Rule(JsonElement rule)
    {
        var protocol = Protocols.Number(Text(rule, "IpProtocol")!);
        var referenced = Member(rule, "ReferencedGroupInfo");
        var peer = Text(rule, "CidrIpv4") is { } v4 ? new RulePeerView(Cidr: ParseCidr(v4))
            : Text(rule, "CidrIpv6") is { } v6 ? new RulePeerView(Cidr: ParseCidr(v6))
            : Text(rule, "PrefixListId") is { } pl ? new RulePeerView(PrefixListId: pl)
            : new RulePeerView(GroupId: Text(referenced, "GroupId"), GroupOwnerId: Text(referenced, "UserId"),
                VpcPeeringConnectionId: Text(referenced, "VpcPeeringConnectionId"));
        // DescribeSecurityGroupRules shows FromPort = ToPort = -1 for protocol -1.
        var (from, to) = protocol == -1 ? (null, null) : (Int(rule, "FromPort"), Int(rule, "ToPort"));
        return new SecurityGroupRuleView(Text(rule, "SecurityGroupRuleId")!, Bool(rule, "IsEgress") ?? false, protocol, from, to, peer, Text(rule, "Description"));
    }

    private static IEnumerable<SecurityGroupRuleView> FromPermissions(string groupId, JsonElement group, string member, bool egress)
    {
        var index = 0;
        foreach (var permission in Array(group, member))
        {
            var protocol = Protocols.Number(Text(permission, "IpProtocol")!);
            var (from, to) = protocol == -1 ? (null, null) : (Int(permission, "FromPort"), Int(permission, "ToPort"));
            var peers = Array(permission, "IpRanges").Select(r => (new RulePeerView(Cidr: ParseCidr(Text(r, "CidrIp")!)), Text(r, "Description")))
                .Concat(Array(permission, "Ipv6Ranges").Select(r => (new RulePeerView(Cidr: ParseCidr(Text(r, "CidrIpv6")!)), Text(r, "Description"))))
                .Concat(Array(permission, "PrefixListIds").Select(r => (new RulePeerView(PrefixListId: Text(r, "PrefixListId")), Text(r, "Description"))))
                .Concat(Array(permission, "UserIdGroupPairs").Select(r => (new RulePeerView(GroupId: Text(r, "GroupId"), GroupOwnerId: Text(r, "UserId"),
                    VpcPeeringConnectionId: Text(r, "VpcPeeringConnectionId")), Text(r, "Description"))));
            foreach (var (peer, description) in peers)
            {
                // DescribeSecurityGroups shows no rule ids; the position in the group names the rule.
                yield return new SecurityGroupRuleView($"{groupId}/{(egress ? "egress" : "ingress")}/{index++}", egress, protocol, from, to, peer, description);
            }
        }
    }
}

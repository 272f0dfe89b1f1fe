namespace ControlPlane.Application.Shapes;

public sealed record IpRange(string? CidrIp, string? Description = null);

public sealed record Ipv6Range(string? CidrIpv6, string? Description = null);

/// <summary>The model's <c>PrefixListId</c> structure; C# cannot name a member after its type, so <see cref="Id"/> carries the JSON name.</summary>
public sealed record PrefixListId
{
    [System.Text.Json.Serialization.JsonPropertyName("PrefixListId")]
    public string? Id { get; init; }
    public string? Description { get; init; }
}

public sealed record UserIdGroupPair(
    string? GroupId = null,
    string? GroupName = null,
    string? UserId = null,
    string? VpcId = null,
    string? VpcPeeringConnectionId = null,
    string? PeeringStatus = null,
    string? Description = null);

public sealed record IpPermission(
    string? IpProtocol,
    int? FromPort = null,
    int? ToPort = null,
    IReadOnlyList<IpRange>? IpRanges = null,
    IReadOnlyList<Ipv6Range>? Ipv6Ranges = null,
    IReadOnlyList<PrefixListId>? PrefixListIds = null,
    IReadOnlyList<UserIdGroupPair>? UserIdGroupPairs = null);

public sealed record SecurityGroup(
    string GroupId,
    string GroupName,
    string Description,
    string OwnerId,
    string VpcId,
    string SecurityGroupArn,
    IReadOnlyList<IpPermission> IpPermissions,
    IReadOnlyList<IpPermission> IpPermissionsEgress,
    IReadOnlyList<Tag> Tags);

public sealed record ReferencedSecurityGroup(string? GroupId, string? UserId, string? VpcId = null, string? PeeringStatus = null, string? VpcPeeringConnectionId = null);

public sealed record SecurityGroupRule(
    string SecurityGroupRuleId,
    string GroupId,
    string GroupOwnerId,
    bool IsEgress,
    string IpProtocol,
    int FromPort,
    int ToPort,
    string? CidrIpv4,
    string? CidrIpv6,
    string? PrefixListId,
    ReferencedSecurityGroup? ReferencedGroupInfo,
    string? Description,
    IReadOnlyList<Tag> Tags,
    string SecurityGroupRuleArn);

public sealed record RevokedSecurityGroupRule(
    string SecurityGroupRuleId,
    string GroupId,
    bool IsEgress,
    string IpProtocol,
    int FromPort,
    int ToPort,
    string? CidrIpv4,
    string? CidrIpv6,
    string? PrefixListId,
    string? ReferencedGroupId,
    string? Description);

public sealed record SecurityGroupRuleRequest(
    string? IpProtocol,
    int? FromPort,
    int? ToPort,
    string? CidrIpv4,
    string? CidrIpv6,
    string? PrefixListId,
    string? ReferencedGroupId,
    string? Description);

public sealed record SecurityGroupRuleUpdate(string? SecurityGroupRuleId, SecurityGroupRuleRequest? SecurityGroupRule);

public sealed record SecurityGroupRuleDescription(string? SecurityGroupRuleId, string? Description);

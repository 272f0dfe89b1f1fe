namespace ControlPlane.Domain.Model;

public sealed class SecurityGroup : Resource
{
    public const string DefaultName = "default";

    public required string VpcId { get; init; }
    public required string GroupName { get; init; }

    /// <summary>Group names are unique per VPC without regard to case (the store's unique index is on this).</summary>
    public string NormalizedName { get; private init; } = "";
    public required string Description { get; init; }
    public bool IsDefault => GroupName == DefaultName;
    public List<SecurityGroupRule> Rules { get; init; } = [];

    public static string Normalize(string name) => name.ToLowerInvariant();

    public static SecurityGroup Create(string accountId, string region, string id, string vpcId, string name, string description) =>
        new() { AccountId = accountId, Region = region, Id = id, VpcId = vpcId, GroupName = name, NormalizedName = Normalize(name), Description = description };
}

/// <summary>
/// One rule: a direction, protocol, ports and exactly one peer, with its own <c>sgr-</c> id.
/// <see cref="Identity"/> is what makes two rules the same rule (AWS ignores the description for that).
/// </summary>
public sealed class SecurityGroupRule : Resource
{
    public required string GroupId { get; init; }
    public required bool IsEgress { get; init; }
    public required int Protocol { get; set; }
    public int? FromPort { get; set; }
    public int? ToPort { get; set; }
    public string? CidrIpv4 { get; set; }
    public string? CidrIpv6 { get; set; }
    public string? PrefixListId { get; set; }
    public string? ReferencedGroupId { get; set; }
    public string? ReferencedUserId { get; set; }
    public string? Description { get; set; }
    public required string Identity { get; set; }

    /// <summary>Creation order within the group, so Describe answers keep the order rules were added in.</summary>
    public long Sequence { get; init; }
}

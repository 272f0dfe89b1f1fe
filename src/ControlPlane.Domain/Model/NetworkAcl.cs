namespace ControlPlane.Domain.Model;

public sealed class NetworkAcl : Resource
{
    public required string VpcId { get; init; }
    public bool IsDefault { get; init; }
    public List<NetworkAclEntry> Entries { get; init; } = [];
    public List<NetworkAclAssociation> Associations { get; init; } = [];
}

/// <summary>A numbered NACL rule. The <c>*</c> deny rules (32767, 32768) are not stored: they always exist and are shown from the VPC's address families.</summary>
public sealed class NetworkAclEntry
{
    public required string NetworkAclId { get; init; }
    public required int RuleNumber { get; init; }
    public required bool Egress { get; init; }
    public required string Protocol { get; set; }
    public required string RuleAction { get; set; }
    public string? CidrBlock { get; set; }
    public string? Ipv6CidrBlock { get; set; }
    public int? IcmpType { get; set; }
    public int? IcmpCode { get; set; }
    public int? PortFrom { get; set; }
    public int? PortTo { get; set; }
}

public sealed class NetworkAclAssociation : ScopedEntity
{
    public required string Id { get; init; }
    public required string NetworkAclId { get; set; }
    public required string SubnetId { get; init; }
}

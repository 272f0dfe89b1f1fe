namespace ControlPlane.Domain.Model;

public sealed class Vpc : Resource
{
    public required string CidrBlock { get; init; }
    public string State { get; set; } = "available";
    public string InstanceTenancy { get; init; } = "default";
    public bool IsDefault { get; init; }
    public string DhcpOptionsId { get; init; } = "default";
    public bool EnableDnsSupport { get; set; } = true;
    public bool EnableDnsHostnames { get; set; }
    public bool EnableNetworkAddressUsageMetrics { get; set; }
    public List<VpcCidrBlock> CidrBlocks { get; init; } = [];
}

/// <summary>An IPv4 or IPv6 CIDR association of a VPC (<c>vpc-cidr-assoc-…</c>); the primary IPv4 block is one of them.</summary>
public sealed class VpcCidrBlock
{
    public required string AssociationId { get; init; }
    public required string VpcId { get; init; }
    public required string Cidr { get; init; }
    public bool IsIpv6 { get; init; }
    public string State { get; set; } = "associated";
    public string? Ipv6Pool { get; init; }
    public string? NetworkBorderGroup { get; init; }
}

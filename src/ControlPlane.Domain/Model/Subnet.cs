namespace ControlPlane.Domain.Model;

public sealed class Subnet : Resource
{
    public required string VpcId { get; init; }
    public required string CidrBlock { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string AvailabilityZoneId { get; init; }
    public string State { get; set; } = "available";
    public bool DefaultForAz { get; init; }
    public bool MapPublicIpOnLaunch { get; set; }
    public bool AssignIpv6AddressOnCreation { get; set; }
    public bool MapCustomerOwnedIpOnLaunch { get; set; }
    public bool EnableDns64 { get; set; }
    public bool Ipv6Native { get; init; }
    public string PrivateDnsHostnameTypeOnLaunch { get; set; } = "ip-name";
    public bool EnableResourceNameDnsARecordOnLaunch { get; set; }
    public bool EnableResourceNameDnsAaaaRecordOnLaunch { get; set; }
    public int EnableLniAtDeviceIndex { get; set; }
    public List<SubnetIpv6CidrBlock> Ipv6CidrBlocks { get; init; } = [];
}

public sealed class SubnetIpv6CidrBlock
{
    public required string AssociationId { get; init; }
    public required string SubnetId { get; init; }
    public required string Cidr { get; init; }
    public string State { get; set; } = "associated";
}

namespace ControlPlane.Application.Shapes;

public sealed record VpcCidrBlockState(string State, string? StatusMessage = null);

public sealed record VpcCidrBlockAssociation(string AssociationId, string CidrBlock, VpcCidrBlockState CidrBlockState);

public sealed record VpcIpv6CidrBlockAssociation(
    string AssociationId,
    string Ipv6CidrBlock,
    VpcCidrBlockState Ipv6CidrBlockState,
    string? NetworkBorderGroup,
    string? Ipv6Pool,
    string Ipv6AddressAttribute = "public",
    string IpSource = "amazon");

public sealed record Vpc(
    string VpcId,
    string OwnerId,
    string State,
    string CidrBlock,
    string DhcpOptionsId,
    string InstanceTenancy,
    bool IsDefault,
    IReadOnlyList<VpcCidrBlockAssociation> CidrBlockAssociationSet,
    IReadOnlyList<VpcIpv6CidrBlockAssociation>? Ipv6CidrBlockAssociationSet,
    IReadOnlyList<Tag> Tags);

public sealed record SubnetCidrBlockState(string State, string? StatusMessage = null);

public sealed record SubnetIpv6CidrBlockAssociation(
    string AssociationId,
    string Ipv6CidrBlock,
    SubnetCidrBlockState Ipv6CidrBlockState,
    string Ipv6AddressAttribute = "public",
    string IpSource = "amazon");

public sealed record PrivateDnsNameOptionsOnLaunch(
    string HostnameType,
    bool EnableResourceNameDnsARecord,
    bool EnableResourceNameDnsAAAARecord);

public sealed record Subnet(
    string SubnetId,
    string SubnetArn,
    string VpcId,
    string OwnerId,
    string State,
    string CidrBlock,
    int AvailableIpAddressCount,
    string AvailabilityZone,
    string AvailabilityZoneId,
    bool DefaultForAz,
    bool MapPublicIpOnLaunch,
    bool MapCustomerOwnedIpOnLaunch,
    bool AssignIpv6AddressOnCreation,
    IReadOnlyList<SubnetIpv6CidrBlockAssociation> Ipv6CidrBlockAssociationSet,
    bool EnableDns64,
    bool Ipv6Native,
    int EnableLniAtDeviceIndex,
    PrivateDnsNameOptionsOnLaunch PrivateDnsNameOptionsOnLaunch,
    IReadOnlyList<Tag> Tags);

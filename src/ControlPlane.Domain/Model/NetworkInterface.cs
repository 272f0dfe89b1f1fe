namespace ControlPlane.Domain.Model;

/// <summary>
/// An elastic network interface: what security groups guard and what reachability is evaluated between. Other
/// services' resources (NAT gateways, endpoints, load balancers, ...) own requester-managed interfaces.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html
/// </summary>
public sealed class NetworkInterface : Resource
{
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required string AvailabilityZone { get; init; }
    public string Description { get; set; } = "";

    /// <summary><c>interface</c>, <c>nat_gateway</c>, <c>vpc_endpoint</c>, <c>lambda</c>, <c>efa</c>, <c>trunk</c>, …</summary>
    public string InterfaceType { get; init; } = "interface";
    public bool RequesterManaged { get; init; }
    public string? RequesterId { get; init; }

    /// <summary>The resource that owns a requester-managed interface (<c>nat-…</c>, <c>vpce-…</c>), for reachability and deletion.</summary>
    public string? ManagedByResourceId { get; init; }

    /// <summary><c>available</c> or <c>in-use</c>.</summary>
    public string Status { get; set; } = "available";
    public bool SourceDestCheck { get; set; } = true;
    public required string MacAddress { get; init; }

    public string? AttachmentId { get; set; }
    public string? AttachedInstanceId { get; set; }
    public string? AttachmentInstanceOwnerId { get; set; }
    public int? DeviceIndex { get; set; }
    public int? NetworkCardIndex { get; set; }
    public bool? DeleteOnTermination { get; set; }
    public string? AttachmentStatus { get; set; }
    public DateTimeOffset? AttachTime { get; set; }

    /// <summary>A public or elastic IPv4 address associated with the primary private address.</summary>
    public string? PublicIp { get; set; }
    public string? PublicIpOwnerId { get; set; }
    public string? PublicIpAllocationId { get; set; }
    public string? PublicIpAssociationId { get; set; }

    public List<NetworkInterfacePrivateIp> PrivateIpAddresses { get; init; } = [];
    public List<NetworkInterfaceIpv6Address> Ipv6Addresses { get; init; } = [];
    public List<NetworkInterfaceGroup> Groups { get; init; } = [];
}

/// <summary>A private IPv4 address of an interface; the store keeps (subnet, address) unique, so an address is never handed out twice.</summary>
public sealed class NetworkInterfacePrivateIp
{
    public required string NetworkInterfaceId { get; init; }
    public required string SubnetId { get; init; }
    public required string Address { get; init; }
    public bool Primary { get; init; }
}

public sealed class NetworkInterfaceIpv6Address
{
    public required string NetworkInterfaceId { get; init; }
    public required string SubnetId { get; init; }
    public required string Address { get; init; }
}

/// <summary>A security group on an interface; the group cannot be deleted while any interface carries it.</summary>
public sealed class NetworkInterfaceGroup
{
    public required string NetworkInterfaceId { get; init; }
    public required string GroupId { get; init; }
    public int Position { get; init; }
}

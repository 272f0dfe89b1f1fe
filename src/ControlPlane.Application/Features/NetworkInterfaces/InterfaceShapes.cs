using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.NetworkInterfaces;

/// <summary>
/// The network interface shapes of the EC2 model, members named exactly as the model names them (the wire layer binds
/// and writes them by the model). Nested here so their names (NetworkInterface, ...) stay clear of the entities.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkInterface.html
/// </summary>
public static class InterfaceShapes
{
    // Input.
    public sealed record PrivateIpAddressSpecification(bool? Primary, string? PrivateIpAddress);

    public sealed record InstanceIpv6Address(string? Ipv6Address, bool? IsPrimaryIpv6);

    public sealed record Ipv4PrefixSpecificationRequest(string? Ipv4Prefix);

    public sealed record Ipv6PrefixSpecificationRequest(string? Ipv6Prefix);

    public sealed record ConnectionTrackingSpecificationRequest(int? TcpEstablishedTimeout, int? UdpStreamTimeout, int? UdpTimeout);

    public sealed record OperatorRequest(string? Principal);

    public sealed record EnaSrdUdpSpecification(bool? EnaSrdUdpEnabled);

    public sealed record EnaSrdSpecification(bool? EnaSrdEnabled, EnaSrdUdpSpecification? EnaSrdUdpSpecification);

    public sealed record NetworkInterfaceAttachmentChanges(string? AttachmentId, bool? DeleteOnTermination, bool? DefaultEnaQueueCount, int? EnaQueueCount);

    // Output.
    public sealed record GroupIdentifier(string GroupId, string? GroupName);

    public sealed record NetworkInterfaceAssociation(string? AllocationId, string? AssociationId, string? IpOwnerId, string? PublicDnsName, string PublicIp);

    public sealed record NetworkInterfaceAttachment(
        string AttachmentId,
        DateTimeOffset? AttachTime,
        bool? DeleteOnTermination,
        int? DeviceIndex,
        int? NetworkCardIndex,
        string? InstanceId,
        string? InstanceOwnerId,
        string? Status);

    public sealed record NetworkInterfacePrivateIpAddress(NetworkInterfaceAssociation? Association, bool Primary, string PrivateDnsName, string PrivateIpAddress);

    public sealed record NetworkInterfaceIpv6Address(string Ipv6Address, bool IsPrimaryIpv6);

    public sealed record OperatorResponse(bool Managed);

    public sealed record AssignedPrivateIpAddress(string PrivateIpAddress);

    public sealed record NetworkInterface(
        string NetworkInterfaceId,
        string SubnetId,
        string VpcId,
        string AvailabilityZone,
        string? AvailabilityZoneId,
        string Description,
        string OwnerId,
        string? RequesterId,
        bool RequesterManaged,
        string Status,
        string MacAddress,
        string PrivateIpAddress,
        string PrivateDnsName,
        bool SourceDestCheck,
        IReadOnlyList<GroupIdentifier> Groups,
        NetworkInterfaceAttachment? Attachment,
        NetworkInterfaceAssociation? Association,
        IReadOnlyList<NetworkInterfacePrivateIpAddress> PrivateIpAddresses,
        IReadOnlyList<NetworkInterfaceIpv6Address> Ipv6Addresses,
        string InterfaceType,
        bool Ipv6Native,
        OperatorResponse Operator,
        IReadOnlyList<Tag> TagSet);
}

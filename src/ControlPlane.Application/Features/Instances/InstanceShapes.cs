using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Instances;

/// <summary>
/// The instance shapes of the EC2 model, members named exactly as the model names them (the wire layer binds and writes
/// them by the model). Nested here so their names (Instance, Placement, ...) stay clear of the entities.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Instance.html
/// </summary>
public static class InstanceShapes
{
    // Input.
    public sealed record Placement(string? AvailabilityZone, string? AvailabilityZoneId, string? Tenancy, string? GroupName, string? GroupId);

    public sealed record RunInstancesMonitoringEnabled(bool? Enabled);

    public sealed record CreditSpecificationRequest(string? CpuCredits);

    public sealed record InstanceNetworkInterfaceSpecification
    {
        public bool? AssociatePublicIpAddress { get; init; }
        public bool? DeleteOnTermination { get; init; }
        public string? Description { get; init; }
        public int? DeviceIndex { get; init; }
        public int? NetworkCardIndex { get; init; }
        public IReadOnlyList<string>? Groups { get; init; }
        public string? NetworkInterfaceId { get; init; }
        public string? PrivateIpAddress { get; init; }

        /// <summary>The AWS CLI sends <c>--private-ip-address</c> here (as the primary entry) once it builds an interface specification.</summary>
        public IReadOnlyList<NetworkInterfaces.InterfaceShapes.PrivateIpAddressSpecification>? PrivateIpAddresses { get; init; }
        public string? SubnetId { get; init; }
        public int? Ipv6AddressCount { get; init; }
        public int? SecondaryPrivateIpAddressCount { get; init; }
    }

    /// <summary>The interface's requested primary address: PrivateIpAddress, else the entry marked primary, else the first entry.</summary>
    public static string? RequestedPrimary(this InstanceNetworkInterfaceSpecification spec) =>
        spec.PrivateIpAddress ?? (spec.PrivateIpAddresses ?? []).Where(p => p.PrivateIpAddress is not null)
            .OrderByDescending(p => p.Primary == true).Select(p => p.PrivateIpAddress).FirstOrDefault();

    /// <summary>The requested secondary addresses: every listed address but the primary.</summary>
    public static IReadOnlyList<string> RequestedSecondaries(this InstanceNetworkInterfaceSpecification spec)
    {
        var primary = spec.RequestedPrimary();
        return [.. (spec.PrivateIpAddresses ?? []).Select(p => p.PrivateIpAddress).OfType<string>().Where(a => a != primary)];
    }

    public sealed record BlobAttributeValue(string? Value);

    public sealed record ProductCode(string ProductCodeId, string ProductCodeType);

    // Output.
    public sealed record InstanceState(int Code, string Name);

    public sealed record InstanceStateChange(string InstanceId, InstanceState CurrentState, InstanceState PreviousState);

    public sealed record GroupIdentifier(string GroupId, string? GroupName);

    public sealed record PlacementResponse(string AvailabilityZone, string? AvailabilityZoneId, string GroupName, string Tenancy);

    public sealed record Monitoring(string State);

    public sealed record EbsInstanceBlockDevice(DateTimeOffset AttachTime, bool DeleteOnTermination, string Status, string VolumeId);

    public sealed record InstanceBlockDeviceMapping(string DeviceName, EbsInstanceBlockDevice Ebs);

    public sealed record InstanceNetworkInterfaceAssociation(string IpOwnerId, string PublicDnsName, string PublicIp);

    public sealed record InstanceNetworkInterfaceAttachment(DateTimeOffset? AttachTime, string AttachmentId, bool? DeleteOnTermination, int? DeviceIndex,
        int? NetworkCardIndex, string? Status);

    public sealed record InstancePrivateIpAddress(InstanceNetworkInterfaceAssociation? Association, bool Primary, string PrivateDnsName, string PrivateIpAddress);

    public sealed record InstanceIpv6Address(string Ipv6Address, bool IsPrimaryIpv6);

    public sealed record InstanceNetworkInterface(
        InstanceNetworkInterfaceAssociation? Association,
        InstanceNetworkInterfaceAttachment? Attachment,
        string Description,
        IReadOnlyList<GroupIdentifier> Groups,
        IReadOnlyList<InstanceIpv6Address> Ipv6Addresses,
        string MacAddress,
        string NetworkInterfaceId,
        string OwnerId,
        string PrivateDnsName,
        string PrivateIpAddress,
        IReadOnlyList<InstancePrivateIpAddress> PrivateIpAddresses,
        bool SourceDestCheck,
        string Status,
        string SubnetId,
        string VpcId,
        string InterfaceType);

    public sealed record CpuOptions(int CoreCount, int ThreadsPerCore);

    public sealed record HibernationOptions(bool Configured);

    public sealed record EnclaveOptions(bool Enabled);

    public sealed record InstanceMetadataOptionsResponse(string State, string HttpTokens, int HttpPutResponseHopLimit, string HttpEndpoint,
        string HttpProtocolIpv6, string InstanceMetadataTags);

    public sealed record CapacityReservationSpecificationResponse(string CapacityReservationPreference);

    public sealed record InstanceMaintenanceOptions(string AutoRecovery);

    public sealed record PrivateDnsNameOptionsResponse(string HostnameType, bool EnableResourceNameDnsARecord, bool EnableResourceNameDnsAAAARecord);

    public sealed record Instance
    {
        public required int AmiLaunchIndex { get; init; }
        public required string ImageId { get; init; }
        public required string InstanceId { get; init; }
        public required string InstanceType { get; init; }
        public string? KeyName { get; init; }
        public required DateTimeOffset LaunchTime { get; init; }
        public required Monitoring Monitoring { get; init; }
        public required PlacementResponse Placement { get; init; }
        public string? PrivateDnsName { get; init; }
        public string? PrivateIpAddress { get; init; }
        public string? PublicDnsName { get; init; }
        public string? PublicIpAddress { get; init; }
        public required InstanceState State { get; init; }
        public string StateTransitionReason { get; init; } = "";
        public string? SubnetId { get; init; }
        public string? VpcId { get; init; }
        public required string Architecture { get; init; }
        public required IReadOnlyList<InstanceBlockDeviceMapping> BlockDeviceMappings { get; init; }
        public string? ClientToken { get; init; }
        public required bool EbsOptimized { get; init; }
        public bool EnaSupport { get; init; } = true;
        public string Hypervisor { get; init; } = "xen";
        public required IReadOnlyList<InstanceNetworkInterface> NetworkInterfaces { get; init; }
        public string RootDeviceName { get; init; } = InstanceViews.RootDevice;
        public string RootDeviceType { get; init; } = "ebs";
        public required IReadOnlyList<GroupIdentifier> SecurityGroups { get; init; }
        public bool? SourceDestCheck { get; init; }
        public required IReadOnlyList<Tag> Tags { get; init; }
        public string VirtualizationType { get; init; } = "hvm";
        public required CpuOptions CpuOptions { get; init; }
        public CapacityReservationSpecificationResponse CapacityReservationSpecification { get; init; } = new("open");
        public HibernationOptions HibernationOptions { get; init; } = new(false);
        public required InstanceMetadataOptionsResponse MetadataOptions { get; init; }
        public EnclaveOptions EnclaveOptions { get; init; } = new(false);
        public string BootMode { get; init; } = "uefi-preferred";
        public string PlatformDetails { get; init; } = "Linux/UNIX";
        public string UsageOperation { get; init; } = "RunInstances";
        public required DateTimeOffset UsageOperationUpdateTime { get; init; }
        public required PrivateDnsNameOptionsResponse PrivateDnsNameOptions { get; init; }
        public InstanceMaintenanceOptions MaintenanceOptions { get; init; } = new("default");
        public string CurrentInstanceBootMode { get; init; } = "legacy-bios";
    }

    public sealed record Reservation(string ReservationId, string OwnerId, IReadOnlyList<GroupIdentifier> Groups, IReadOnlyList<Instance> Instances);
}

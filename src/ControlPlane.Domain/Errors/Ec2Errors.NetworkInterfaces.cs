namespace ControlPlane.Domain.Errors;

/// <summary>
/// Network interface errors: addresses, groups, attachments. Unknown and malformed interface ids live with the other id
/// errors in <c>Ec2Errors.cs</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
/// </summary>
public static partial class Ec2Errors
{
    // Interfaces.
    public static AwsException NetworkInterfaceLimitExceeded() =>
        new("NetworkInterfaceLimitExceeded", "The maximum number of network interfaces has been reached.");

    /// <summary>
    /// DeleteNetworkInterface of an attached or service-owned interface. Real AWS text, for an attached interface and for a
    /// VPC endpoint's: "Network interface 'eni-…' is currently in use." (openshift/installer#2498, gruntwork-io/cloud-nuke#431).
    /// </summary>
    public static AwsException NetworkInterfaceCurrentlyInUse(string id) =>
        new("InvalidParameterValue", $"Network interface '{id}' is currently in use.");

    /// <summary>Attaching an interface that is already attached. Real AWS text: "Interface: [eni-…] in use." (terraform-provider-aws#27513).</summary>
    public static AwsException NetworkInterfaceAttached(string id) =>
        new("InvalidNetworkInterface.InUse", $"Interface: [{id}] in use.");

    /// <summary>
    /// Changing a requester-managed interface (anything but its tags): AWS answers with an authorisation failure even
    /// for administrators (cloud-custodian#3406), since the interface belongs to the service that created it.
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/requester-managed-eni.html
    /// </summary>
    public static AwsException NetworkInterfaceRequesterManaged(string id) =>
        new("UnauthorizedOperation", $"You are not authorized to perform this operation. Network interface '{id}' is requester-managed: only its tags can be changed.", 403);

    public static AwsException InvalidNetworkInterfaceAttribute(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter attribute is invalid. Unknown attribute.");

    public static AwsException InvalidNetworkInterfaceDescription(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter description is invalid. Descriptions are at most 255 characters.");

    public static AwsException InvalidInterfaceType(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter interfaceType is invalid. Valid values are interface, efa, efa-only, branch and trunk.");

    // Groups.
    /// <summary>Real AWS text, from RunInstances (which builds the same interface): "Security group sg-… and subnet subnet-… belong to different networks." (QT-DevOps/DevOpsIssues#256).</summary>
    public static AwsException InterfaceGroupInOtherNetwork(string groupId, string subnetId) =>
        new("InvalidParameter", $"Security group {groupId} and subnet {subnetId} belong to different networks.");

    /// <summary>Real AWS text (cloud-custodian#9787).</summary>
    public static AwsException SecurityGroupsPerInterfaceLimitExceeded() =>
        new("SecurityGroupsPerInterfaceLimitExceeded", "The maximum number of security groups per interface has been reached.");

    // Addresses.
    public static AwsException InvalidIpAddress(string value) =>
        new("InvalidParameterValue", $"invalid value for parameter address: {value}");

    public static AwsException AddressOutsideSubnet(string address) =>
        new("InvalidParameterValue", $"Address {address} does not fall within the subnet's address range");

    public static AwsException AddressReserved(string address, string subnetId) =>
        new("InvalidParameterValue", $"Address {address} is reserved by AWS in subnet {subnetId} and cannot be assigned.");

    /// <summary>Real AWS text: "Address 10.… is in use." (aws/aws-cli#7178).</summary>
    public static AwsException AddressInUse(string address) =>
        new("InvalidIPAddress.InUse", $"Address {address} is in use.");

    public static AwsException InsufficientFreeAddressesInSubnet(string subnetId) =>
        new("InsufficientFreeAddressesInSubnet", $"There are not enough free addresses in subnet '{subnetId}' to satisfy the request.");

    public static AwsException PrivateIpAddressLimitExceeded(int limit) =>
        new("PrivateIpAddressLimitExceeded", $"Number of private addresses will exceed limit of {limit} per network interface.");

    public static AwsException MorePrimaryAddresses() =>
        new("InvalidParameterValue", "Only one primary private IPv4 address can be specified.");

    public static AwsException SubnetWithoutIpv6(string subnetId) =>
        new("InvalidParameterValue", $"The subnet '{subnetId}' has no IPv6 CIDR block, so no IPv6 address can be assigned in it.");

    public static AwsException AddressNotAssigned(string address, string interfaceId) =>
        new("InvalidParameterValue", $"Address {address} is not assigned to interface {interfaceId}.");

    public static AwsException PrimaryAddressCannotBeUnassigned(string address) =>
        new("InvalidParameterValue", $"Address {address} is the primary private IPv4 address of the interface and cannot be unassigned.");

    public static AwsException PrimaryAddressCannotBeReassigned(string address) =>
        new("InvalidParameterValue", $"Address {address} is the primary private IPv4 address of another interface and cannot be reassigned.");

    // Attachments and instances.
    public static AwsException AttachmentNotFound(string id) =>
        new("InvalidAttachmentID.NotFound", $"The attachment ID '{id}' does not exist");

    public static AwsException AttachmentIdMalformed(string id) => Malformed("InvalidNetworkInterfaceAttachmentId.Malformed", "eni-attach", id);

    /// <summary>Real AWS text (redhat-performance/cloud-governance#950).</summary>
    public static AwsException PrimaryInterfaceCannotBeDetached() =>
        new("OperationNotPermitted", "The network interface at device index 0 and networkCard index 0 cannot be detached.");

    /// <summary>Real AWS text for service attachments: "You are not allowed to manage 'ela-attach' attachments." (boto/boto3#2218).</summary>
    public static AwsException ServiceAttachment(string prefix) =>
        new("OperationNotPermitted", $"You are not allowed to manage '{prefix}' attachments.");

    public static AwsException InstanceNotFound(string id) => InstancesNotFound([id]);
    public static AwsException InstancesNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidInstanceID.NotFound", "instance", ids);
    public static AwsException InstanceIdMalformed(string id) => Malformed("InvalidInstanceID.Malformed", "i", id);
}

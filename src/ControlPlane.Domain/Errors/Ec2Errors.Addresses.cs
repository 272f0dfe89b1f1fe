namespace ControlPlane.Domain.Errors;

/// <summary>
/// Elastic IP address errors: allocation, association, release.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
/// </summary>
public static partial class Ec2Errors
{
    // Ids.
    public static AwsException AllocationIdMalformed(string id) => Malformed("InvalidAllocationID.Malformed", "eipalloc", id);
    public static AwsException AllocationNotFound(string id) => AllocationsNotFound([id]);
    public static AwsException AllocationsNotFound(IReadOnlyList<string> ids) => IdsNotFound("InvalidAllocationID.NotFound", "allocation", ids);
    public static AwsException AddressAssociationIdMalformed(string id) => Malformed("InvalidAssociationID.Malformed", "eipassoc", id);

    public static AwsException AddressAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");

    /// <summary>DescribeAddresses (or an action) naming a public address the caller has not allocated: "Address '…' not found."</summary>
    public static AwsException AddressNotFound(string publicIp) => AddressesNotFound([publicIp]);
    public static AwsException AddressesNotFound(IReadOnlyList<string> publicIps) =>
        new("InvalidAddress.NotFound", $"Address '{string.Join("', '", publicIps)}' not found.");

    // Allocation.
    public static AwsException AddressLimitExceeded() =>
        new("AddressLimitExceeded", "The maximum number of addresses has been reached.");

    /// <summary>EC2-Classic was retired on 2023-08-15: only the <c>vpc</c> domain remains.
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-classic-platform.html</summary>
    public static AwsException InvalidAddressDomain(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter domain is invalid. EC2-Classic has been retired: only 'vpc' is supported.");

    /// <summary>Allocating a chosen address needs a BYOIP pool that holds it; the emulator has none.</summary>
    public static AwsException SpecificAddressUnsupported(string address) =>
        UnsupportedOperation($"Allocating the specific address {address} needs a BYOIP address pool, which this emulator does not provide.");

    public static AwsException PublicIpv4PoolNotFound(string pool) =>
        new("InvalidPublicIpv4PoolID.NotFound", $"The pool ID '{pool}' does not exist");

    public static AwsException AddressPoolUnsupported(string parameter) =>
        UnsupportedOperation($"The parameter {parameter} is not supported: addresses come from Amazon's pool only.");

    public static AwsException InvalidNetworkBorderGroup(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter networkBorderGroup is invalid. The network border group must be the region.");

    // Association.
    /// <summary>AWS text: "resource eipalloc-… is already associated with associate-id eipassoc-…".</summary>
    public static AwsException ElasticIpAlreadyAssociated(string allocationId, string associationId) =>
        new("Resource.AlreadyAssociated", $"resource {allocationId} is already associated with associate-id {associationId}");

    /// <summary>AssociateAddress by instance id when the instance has several interfaces.</summary>
    public static AwsException InstanceHasMultipleInterfaces(string instanceId) =>
        new("InvalidInstanceID", $"There are multiple interfaces attached to instance '{instanceId}'. Please specify an interface ID for the operation instead.");

    /// <summary>An Elastic IP needs an internet gateway on the interface's VPC. AWS text: "Network vpc-… is not attached to any internet gateway".</summary>
    public static AwsException VpcHasNoInternetGateway(string vpcId) =>
        new("Gateway.NotAttached", $"Network {vpcId} is not attached to any internet gateway");

    // Release.
    /// <summary>AWS text: "The address with allocation id [eipalloc-…] is in use."</summary>
    public static AwsException ElasticIpInUse(string allocationId) =>
        new("InvalidIPAddress.InUse", $"The address with allocation id [{allocationId}] is in use.");
}

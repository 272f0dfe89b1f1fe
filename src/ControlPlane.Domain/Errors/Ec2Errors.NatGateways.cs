namespace ControlPlane.Domain.Errors;

/// <summary>
/// NAT gateway errors. The NAT gateway actions use their own codes (NatGatewayNotFound, NatGatewayMalformed, which the
/// SDK waiters and Terraform match on), not the InvalidNatGatewayID.NotFound that CreateRoute answers for a target.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
/// </summary>
public static partial class Ec2Errors
{
    public static AwsException NatGatewayNotFound(string id) => NatGatewaysNotFound([id]);
    public static AwsException NatGatewaysNotFound(IReadOnlyList<string> ids) =>
        new("NatGatewayNotFound", ids.Count == 1 ? $"NAT gateway {ids[0]} was not found" : $"NAT gateways {string.Join(", ", ids)} were not found");
    public static AwsException NatGatewayIdMalformed(string id) => Malformed("NatGatewayMalformed", "nat", id);
    public static AwsException NatGatewayLimitExceeded(string zone) =>
        new("NatGatewayLimitExceeded", $"The maximum number of NAT gateways in availability zone {zone} has been reached.");
    public static AwsException InvalidConnectivityType(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter connectivityType is invalid. Valid values: public, private");
    public static AwsException PrivateNatGatewayWithAllocation() =>
        new("InvalidParameterCombination", "An Elastic IP address cannot be associated with a private NAT gateway.");
    public static AwsException NatGatewayAllocationAlreadyAssociated(string allocationId) =>
        new("Resource.AlreadyAssociated", $"Elastic IP address {allocationId} is already associated");
}

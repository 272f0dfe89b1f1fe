namespace ControlPlane.Domain.Errors;

/// <summary>VPC endpoint errors. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html</summary>
public static partial class Ec2Errors
{
    public const string VpcEndpointNotFoundCode = "InvalidVpcEndpointId.NotFound";

    public static string VpcEndpointNotFoundMessage(string id) => $"The Vpc Endpoint Id '{id}' does not exist";
    public static AwsException VpcEndpointNotFound(string id) => new(VpcEndpointNotFoundCode, VpcEndpointNotFoundMessage(id));
    public static AwsException VpcEndpointsNotFound(IReadOnlyList<string> ids) =>
        new(VpcEndpointNotFoundCode, ids.Count == 1 ? VpcEndpointNotFoundMessage(ids[0]) : $"The Vpc Endpoint Ids '{string.Join("', '", ids)}' do not exist");
    public static AwsException VpcEndpointIdMalformed(string id) => Malformed("InvalidVpcEndpointId.Malformed", "vpce", id);
    public static AwsException InvalidServiceName(string name) =>
        new("InvalidServiceName", $"The Vpc Endpoint Service '{name}' does not exist");
    public static AwsException EndpointTypeNotSupported(string name, string type) =>
        new("InvalidParameter", $"The Vpc Endpoint Service '{name}' does not support endpoint type {type}.");
    public static AwsException InvalidEndpointType(string type) =>
        new("InvalidParameterValue", $"Value ({type}) for parameter vpcEndpointType is invalid. Valid values: Interface, Gateway, GatewayLoadBalancer");
    public static AwsException DuplicateSubnetsInSameZone(string zone) =>
        new("DuplicateSubnetsInSameZone", $"Found another VPC endpoint subnet in the availability zone {zone}. VPC endpoint subnets should be in different availability zones supported by the VPC endpoint service.");
    public static AwsException EndpointResourceInOtherVpc(string resourceId, string vpcId) =>
        new("InvalidParameter", $"The resource {resourceId} does not belong to vpc {vpcId}.");
    public static AwsException VpcEndpointLimitExceeded(string vpcId) =>
        new("VpcEndpointLimitExceeded", $"The maximum number of VPC endpoints in {vpcId} has been reached.");
    public static AwsException EndpointParameterForOtherType(string parameter, string type) =>
        new("InvalidParameter", $"The parameter {parameter} is not supported for VPC endpoints of type {type}.");
}

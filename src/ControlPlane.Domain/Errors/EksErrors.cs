namespace ControlPlane.Domain.Errors;

/// <summary>
/// The EKS error catalogue. Codes and statuses are the botocore model's error shapes (<c>ResourceNotFoundException</c>
/// 404, <c>ResourceInUseException</c> 409, <c>InvalidParameterException</c> 400, <c>InvalidRequestException</c> 400);
/// messages are the ones EKS answers.
/// https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html#API_CreateCluster_Errors
/// </summary>
public static class EksErrors
{
    public static AwsException ClusterNotFound(string name) =>
        new("ResourceNotFoundException", $"No cluster found for name: {name}.", 404);

    public static AwsException UpdateNotFound(string updateId) =>
        new("ResourceNotFoundException", $"No update found for ID: {updateId}", 404);

    public static AwsException ClusterExists(string name) =>
        new("ResourceInUseException", $"Cluster already exists with name: {name}", 409);

    public static AwsException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsException InvalidRequest(string message) => new("InvalidRequestException", message);

    public static AwsException MissingMember(string member) => InvalidParameter($"{member} must be specified.");

    public static AwsException InvalidName(string name) => InvalidParameter(
        $"The cluster name '{name}' is invalid. It must be 1-100 characters, start with a letter or digit and contain only letters, digits, hyphens and underscores.");

    public static AwsException SubnetNotFound(string subnetId) => InvalidParameter($"The subnet ID '{subnetId}' does not exist");

    public static AwsException SecurityGroupNotFound(string groupId) => InvalidParameter($"The security group '{groupId}' does not exist");

    public static AwsException SubnetsInDifferentVpcs() => InvalidParameter("Subnets specified must be in the same VPC");

    public static AwsException SecurityGroupInOtherVpc(string groupId) =>
        InvalidParameter($"Security group {groupId} is not in the same VPC as the subnets specified");

    public static AwsException SubnetsInOneZone() => InvalidParameter("Subnets specified must be in at least two different AZs");

    public static AwsException TooManySecurityGroups() => InvalidParameter("A maximum of 5 security groups can be specified.");

    public static AwsException InvalidArn(string arn) => InvalidParameter($"The resource ARN {arn} is not valid.");

    public static AwsException NoChange(bool privateAccess, bool publicAccess, IEnumerable<string> cidrs) => InvalidParameter(
        $"Cluster is already at the desired configuration with endpointPrivateAccess: {Bool(privateAccess)} , endpointPublicAccess: {Bool(publicAccess)}, and Public Endpoint Restrictions: [{string.Join(", ", cidrs)}]");

    public static AwsException NoEndpointAccess() =>
        InvalidParameter("Either endpointPublicAccess or endpointPrivateAccess must be true.");

    public static AwsException InvalidCidr(string cidr) => InvalidParameter($"The CIDR block {cidr} is invalid in publicAccessCidrs");

    private static string Bool(bool value) => value ? "true" : "false";
}

namespace ControlPlane.Domain.Errors;

/// <summary>
/// Amazon ECS errors. The model's error shapes carry no HTTP status, so every client error answers 400
/// (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/CommonErrors.html). Messages are the ones AWS answers
/// as seen in client logs (e.g. "The Cluster cannot be deleted while Services are active.").
/// </summary>
public static class EcsErrors
{
    public static AwsException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");

    public static AwsException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");

    public static AwsException ServiceNotActive() => new("ServiceNotActiveException", "Service was not ACTIVE.");

    public static AwsException ClusterContainsServices() =>
        new("ClusterContainsServicesException", "The Cluster cannot be deleted while Services are active.");

    public static AwsException ClusterContainsTasks() =>
        new("ClusterContainsTasksException", "The Cluster cannot be deleted while Tasks are active.");

    public static AwsException ResourceNotFound() => new("ResourceNotFoundException", "The specified resource could not be found.");

    public static AwsException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsException Client(string message) => new("ClientException", message);

    // Task definitions
    public static AwsException UnableToDescribeTaskDefinition() => Client("Unable to describe task definition.");

    public static AwsException TaskDefinitionNotFound() => Client("TaskDefinition not found.");

    public static AwsException TaskDefinitionInactive() => Client("TaskDefinition is inactive");

    // Networking (awsvpc)
    public static AwsException NetworkConfigurationRequired() =>
        InvalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");

    public static AwsException NetworkConfigurationNotValid() =>
        InvalidParameter("Network Configuration is not valid for the given networkMode of this task definition.");

    public static AwsException LaunchTypeNotSupported(string launchType) =>
        InvalidParameter($"Task definition does not support launch_type {launchType}.");

    public static AwsException SubnetNotFound(string subnetId) =>
        InvalidParameter($"Error retrieving subnet information for [{subnetId}]: The subnet ID '{subnetId}' does not exist (ErrorCode: InvalidSubnetID.NotFound)");

    public static AwsException SecurityGroupNotFound(string groupId) =>
        InvalidParameter($"Error retrieving security group information for [{groupId}]: The security group '{groupId}' does not exist (ErrorCode: InvalidGroup.NotFound)");

    public static AwsException SubnetsInDifferentVpcs() => InvalidParameter("The subnets must all belong to the same VPC.");

    public static AwsException SecurityGroupInOtherVpc(string groupId, string subnetId) =>
        InvalidParameter($"Security group {groupId} and subnet {subnetId} belong to different networks.");

    public static AwsException AssignPublicIpNotSupported() => InvalidParameter("Assign public IP is not supported for this launch type.");
}

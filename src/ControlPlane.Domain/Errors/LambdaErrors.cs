namespace ControlPlane.Domain.Errors;

/// <summary>
/// The Lambda error catalogue. Codes and statuses are the botocore model's error shapes
/// (<c>ResourceNotFoundException</c> 404, <c>ResourceConflictException</c> 409, <c>InvalidParameterValueException</c> 400,
/// <c>PreconditionFailedException</c> 412); messages are the ones Lambda answers. Lambda reports a bad subnet or group by
/// quoting the EC2 error it met while describing it.
/// https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html#API_CreateFunction_Errors
/// </summary>
public static class LambdaErrors
{
    public static AwsException FunctionNotFound(string arn) =>
        new("ResourceNotFoundException", $"Function not found: {arn}", 404);

    public static AwsException FunctionExists(string name) =>
        new("ResourceConflictException", $"Function already exist: {name}", 409);

    public static AwsException InvalidParameterValue(string message) => new("InvalidParameterValueException", message);

    /// <summary>A model constraint (length, pattern, range) that Lambda's front end checks before the service runs.</summary>
    public static AwsException Validation(string value, string member, string constraint) =>
        new("ValidationException", $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}");

    public static AwsException SubnetNotFound(string subnetId) => InvalidParameterValue(
        $"Error occurred while DescribeSubnets. EC2 Error Code: InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID '{subnetId}' does not exist");

    public static AwsException SecurityGroupNotFound(string groupId) => InvalidParameterValue(
        $"Error occurred while DescribeSecurityGroups. EC2 Error Code: InvalidGroup.NotFound. EC2 Error Message: The security group '{groupId}' does not exist");

    public static AwsException SubnetsInDifferentVpcs() => InvalidParameterValue("Subnets are required to be in the same VPC.");

    public static AwsException SecurityGroupsInDifferentVpc() => InvalidParameterValue("Security Groups are required to be in the same VPC.");

    public static AwsException SubnetsAndGroupsMustCoexist() =>
        InvalidParameterValue("SubnetIds and SecurityIds must coexist or be both empty list.");

    public static AwsException RuntimeAndHandlerRequired() =>
        InvalidParameterValue("Runtime and Handler are mandatory parameters for functions created with deployment packages.");

    public static AwsException CodeRequired() =>
        InvalidParameterValue("Please provide a source for function code.");

    public static AwsException ImageUriRequired() =>
        InvalidParameterValue("Function code is an image but no ImageUri was provided.");

    public static AwsException InvalidZipFile() =>
        InvalidParameterValue("Could not unzip uploaded file. Please check your file, then try to upload again.");

    public static AwsException InvalidRevision(string revisionId) =>
        new("PreconditionFailedException", $"The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id ({revisionId} given).", 412);

    public static AwsException QualifierNotFound(string arn, string qualifier) =>
        new("ResourceNotFoundException", $"Function not found: {arn}:{qualifier}", 404);

    public static AwsException InvalidTaggableResource(string resource) =>
        InvalidParameterValue($"Invalid ARN format: {resource}");
}

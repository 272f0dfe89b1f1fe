namespace ControlPlane.Domain.Errors;

/// <summary>
/// Amazon MQ errors (rest-json). The model's error shapes (mq 2017-11-27): <c>BadRequestException</c> 400,
/// <c>NotFoundException</c> 404, <c>ConflictException</c> 409, each with a <c>message</c> and the <c>errorAttribute</c>
/// naming the request member at fault.
/// https://docs.aws.amazon.com/amazon-mq/latest/api-reference/CommonErrors.html
/// </summary>
public static class MqErrors
{
    public static AwsException BadRequest(string attribute, string message) => Error("BadRequestException", 400, attribute, message);
    public static AwsException NotFound(string attribute, string message) => Error("NotFoundException", 404, attribute, message);
    public static AwsException Conflict(string attribute, string message) => Error("ConflictException", 409, attribute, message);

    public static AwsException BrokerNotFound(string brokerId) =>
        NotFound("broker-id", $"Can't find requested broker [{brokerId}]. Make sure your broker exists.");
    public static AwsException ResourceNotFound(string arn) =>
        NotFound("resource-arn", $"Can't find requested resource [{arn}]. Make sure your resource exists.");
    public static AwsException BrokerNameExists(string name) =>
        Conflict("brokerName", $"Broker with name [{name}] already exists. Retry your request with another name.");
    public static AwsException InvalidSubnet(string subnetId) =>
        BadRequest("subnetIds", $"The subnet [{subnetId}] does not exist. Specify an existing subnet.");
    public static AwsException SubnetsInDifferentVpcs() =>
        BadRequest("subnetIds", "All the subnets of a broker must be in the same VPC.");
    public static AwsException InvalidSecurityGroup(string groupId) =>
        BadRequest("securityGroups", $"The security group [{groupId}] does not exist. Specify an existing security group.");
    public static AwsException SecurityGroupInOtherVpc(string groupId, string vpcId) =>
        BadRequest("securityGroups", $"The security group [{groupId}] is not in the VPC [{vpcId}] of the broker's subnets.");

    private static AwsException Error(string code, int status, string attribute, string message) =>
        new(code, message, status) { Members = new Dictionary<string, string> { ["errorAttribute"] = attribute } };
}

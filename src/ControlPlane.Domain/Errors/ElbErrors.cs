namespace ControlPlane.Domain.Errors;

/// <summary>
/// Elastic Load Balancing v2 errors: the codes and HTTP statuses of the botocore model's error shapes
/// (<c>LoadBalancerNotFoundException</c> answers <c>LoadBalancerNotFound</c>, 400, ...); bad input is the API's common
/// <c>ValidationError</c>. Messages as AWS words them where known.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/CommonErrors.html
/// </summary>
public static class ElbErrors
{
    public static AwsException Validation(string message) => new("ValidationError", message);

    public static AwsException DuplicateLoadBalancerName(string name) =>
        new("DuplicateLoadBalancerName", $"A load balancer with the same name '{name}' exists, but with different settings");

    public static AwsException LoadBalancerNotFound(IEnumerable<string> arns) =>
        new("LoadBalancerNotFound", $"Load balancers '[{string.Join(", ", arns)}]' not found");

    public static AwsException LoadBalancerNotFound(string arn) => LoadBalancerNotFound([arn]);

    public static AwsException TargetGroupNotFound(IEnumerable<string> arns) =>
        new("TargetGroupNotFound", $"Target groups '[{string.Join(", ", arns)}]' not found");

    public static AwsException TargetGroupNotFound(string arn) => TargetGroupNotFound([arn]);

    public static AwsException ListenerNotFound(IEnumerable<string> arns) =>
        new("ListenerNotFound", $"Listeners '[{string.Join(", ", arns)}]' not found");

    public static AwsException ListenerNotFound(string arn) => ListenerNotFound([arn]);

    public static AwsException SubnetNotFound(string subnetId) => new("SubnetNotFound", $"The subnet ID '{subnetId}' is not valid");

    public static AwsException SubnetsInDifferentVpcs() => new("InvalidSubnet", "The specified subnets must all be in the same VPC");

    public static AwsException SubnetOtherVpc(string subnetId, string vpcId) =>
        new("InvalidSubnet", $"Subnet '{subnetId}' is not in the load balancer's VPC '{vpcId}'");

    public static AwsException OneSubnetPerZone(string zone) =>
        new("InvalidConfigurationRequest", $"A load balancer cannot be attached to multiple subnets in the same Availability Zone '{zone}'");

    public static AwsException TwoZonesRequired() =>
        new("InvalidConfigurationRequest", "At least two subnets in two different Availability Zones must be specified");

    public static AwsException SecurityGroupNotFound(string groupId) => new("InvalidSecurityGroup", $"Security group '{groupId}' does not exist");

    public static AwsException SecurityGroupOtherVpc(string groupId) =>
        new("InvalidSecurityGroup", $"Security group '{groupId}' does not belong to the load balancer's VPC");

    public static AwsException SecurityGroupsNotSupported(string type) =>
        new("InvalidConfigurationRequest", $"Security groups are not supported for load balancers with type '{type}'");

    public static AwsException NetworkLoadBalancerWithoutGroups() =>
        new("InvalidConfigurationRequest",
            "You cannot set security groups on a Network Load Balancer which was created without any security groups.");

    public static AwsException NetworkLoadBalancerRemovingAllGroups() =>
        new("InvalidConfigurationRequest",
            "You cannot remove all security groups from a Network Load Balancer which was created with security groups.");

    public static AwsException InvalidScheme(string scheme) => new("InvalidScheme", $"Scheme '{scheme}' is not valid");

    public static AwsException DuplicateTargetGroupName(string name) =>
        new("DuplicateTargetGroupName", $"A target group with the same name '{name}' exists, but with different settings");

    public static AwsException VpcNotFound(string vpcId) => new("ValidationError", $"The VPC ID '{vpcId}' is not found");

    public static AwsException DuplicateListener() => new("DuplicateListener", "A listener already exists on that port for this load balancer");

    public static AwsException InvalidTarget(string message) => new("InvalidTarget", message);

    public static AwsException TargetGroupInUse(string arn) =>
        new("ResourceInUse", $"Target group '{arn}' is currently in use by a listener or a rule");

    public static AwsException TargetGroupOtherVpc(string targetGroupArn) =>
        new("InvalidConfigurationRequest", $"The target group '{targetGroupArn}' is not in the load balancer's VPC");

    public static AwsException IncompatibleTargetGroup(string targetGroupArn, string protocol) =>
        new("InvalidConfigurationRequest", $"The target group '{targetGroupArn}' does not have a protocol compatible with listener protocol '{protocol}'");

    public static AwsException InvalidConfiguration(string message) => new("InvalidConfigurationRequest", message);

    public static AwsException UnsupportedProtocol(string protocol) => new("UnsupportedProtocol", $"Protocol '{protocol}' is not supported");

    public static AwsException InvalidAction(string message) => new("InvalidLoadBalancerAction", message);

    public static AwsException DuplicateTagKeys(string key) => new("DuplicateTagKeys", $"Tag key '{key}' is duplicated");

    public static AwsException TooManyTags() => new("TooManyTags", "The quota for the number of tags that can be assigned to a load balancer has been reached");

    public static AwsException ResourceArnNotValid(string arn) => new("ValidationError", $"'{arn}' is not a valid Elastic Load Balancing resource ARN");

    public static AwsException InvalidMarker() => new("ValidationError", "The marker is not valid");

    public static AwsException CertificateRequired() => new("CertificateNotFound", "A certificate must be specified for HTTPS and TLS listeners");

    public static AwsException DeletionProtected(string arn) =>
        new("OperationNotPermitted", $"Load balancer '{arn}' cannot be deleted because deletion protection is enabled");

    public static AwsException VpcWithoutInternetGateway(string vpcId) => new("InvalidSubnet", $"VPC {vpcId} has no internet gateway");

    public static AwsException AllocationIdNotFound(string allocationId) => new("AllocationIdNotFound", $"The allocation ID '{allocationId}' does not exist");

    public static AwsException TargetGroupAssociationLimit(string arn) =>
        new("TargetGroupAssociationLimit", $"The following target groups cannot be associated with more than one load balancer: {arn}");
}

namespace ControlPlane.Domain.Errors;

/// <summary>
/// Classic Load Balancer errors: codes and HTTP statuses of the botocore model's error shapes (the model names the
/// missing load balancer <c>AccessPointNotFoundException</c>; its wire code is <c>LoadBalancerNotFound</c>, and
/// <c>InvalidConfigurationRequest</c> is 409); bad input is the common <c>ValidationError</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/CommonErrors.html
/// </summary>
public static class ClassicElbErrors
{
    public static AwsException Validation(string message) => new("ValidationError", message);

    public static AwsException LoadBalancerNotFound(string name) =>
        new("LoadBalancerNotFound", $"There is no ACTIVE Load Balancer named '{name}'");

    public static AwsException DuplicateLoadBalancerName(string name) =>
        new("DuplicateLoadBalancerName", $"Load Balancer named '{name}' already exists and it is configured with different parameters.");

    public static AwsException SubnetNotFound(string subnetId) => new("SubnetNotFound", $"One or more subnets were not found: '{subnetId}'");

    public static AwsException SubnetsInDifferentVpcs() => new("InvalidSubnet", "Subnets must all be in the same VPC");

    public static AwsException SubnetOtherVpc(string subnetId) => new("InvalidSubnet", $"Subnet '{subnetId}' is not in the load balancer's VPC");

    public static AwsException OneSubnetPerZone() =>
        new("InvalidConfigurationRequest", "Only one subnet per Availability Zone can be attached to a load balancer", 409);

    public static AwsException LastSubnet() =>
        new("InvalidConfigurationRequest", "A load balancer must be attached to at least one subnet", 409);

    public static AwsException SecurityGroupNotFound(string groupId) => new("InvalidSecurityGroup", $"One or more security groups are invalid: '{groupId}'");

    public static AwsException SecurityGroupOtherVpc(string groupId) =>
        new("InvalidSecurityGroup", $"Security group '{groupId}' does not belong to VPC of the load balancer");

    public static AwsException InvalidScheme(string scheme) => new("InvalidScheme", $"Scheme '{scheme}' is not valid");

    public static AwsException InvalidInstance(string instanceId) =>
        new("InvalidInstance", $"The instance ID '{instanceId}' is not valid or is not in the load balancer's VPC");

    public static AwsException DuplicateTagKeys(string key) => new("DuplicateTagKeys", $"Tag key '{key}' is duplicated");

    public static AwsException TooManyTags() => new("TooManyTags", "The quota for the number of tags that can be assigned to a load balancer has been reached");

    public static AwsException CertificateRequired() => new("CertificateNotFound", "An SSL certificate must be specified for HTTPS and SSL listeners");

    public static AwsException DuplicateListener() => new("DuplicateListener", "A listener already exists for this load balancer port");
}

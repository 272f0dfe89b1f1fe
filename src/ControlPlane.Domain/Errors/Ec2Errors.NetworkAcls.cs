namespace ControlPlane.Domain.Errors;

/// <summary>
/// Network ACL errors. Unknown and malformed ACL ids live with the other id errors in <c>Ec2Errors.cs</c>.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
/// </summary>
public static partial class Ec2Errors
{
    public static AwsException NetworkAclLimitExceeded(string vpcId) =>
        new("NetworkAclLimitExceeded", $"The maximum number of network ACLs has been reached for VPC '{vpcId}'.");

    /// <summary>
    /// AWS documents no code; clients written against AWS expect InvalidParameterValue "cannot delete default network ACL"
    /// (Eucalyptus, which copied AWS's EC2 errors, answers the same).
    /// </summary>
    public static AwsException CannotDeleteDefaultNetworkAcl(string id) =>
        new("InvalidParameterValue", $"cannot delete default network ACL {id}");

    public static AwsException NetworkAclDependencyViolation(string id) =>
        new("DependencyViolation", $"The networkAcl '{id}' has dependencies and cannot be deleted.");

    /// <summary>Real AWS text: "The association ID 'aclassoc-…' does not exist" (terraform-provider-aws#12152).</summary>
    public static AwsException NetworkAclAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");

    public static AwsException NetworkAclInOtherVpc(string aclId, string subnetId) =>
        new("InvalidParameterValue", $"Network ACL {aclId} and subnet {subnetId} belong to different networks.");

    // Entries.
    /// <summary>Real AWS text: "Value (32767) for parameter ruleNumber is invalid. Rulenumber must be in range 1..32766".</summary>
    public static AwsException InvalidNetworkAclRuleNumber(int number) =>
        new("InvalidParameterValue", $"Value ({number}) for parameter ruleNumber is invalid. Rulenumber must be in range 1..32766");

    public static AwsException InvalidNetworkAclRuleAction(string value) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter ruleAction is invalid. Valid values are allow and deny.");

    public static AwsException NetworkAclEntryCidrMissing() =>
        MissingParameter("cidrBlock or ipv6CidrBlock");

    public static AwsException NetworkAclEntryTwoCidrs() =>
        new("InvalidParameterCombination", "Only one of cidrBlock or ipv6CidrBlock can be specified.");

    public static AwsException InvalidNetworkAclPort(int port, string parameter) =>
        new("InvalidParameterValue", $"Value ({port}) for parameter {parameter} is invalid. Ports must be between 0 and 65535.");

    public static AwsException InvalidNetworkAclPortRange(int from, int to) =>
        new("InvalidParameterValue", $"Invalid port range: from port {from} is greater than to port {to}.");

    public static AwsException InvalidNetworkAclIcmp(int value, string parameter) =>
        new("InvalidParameterValue", $"Value ({value}) for parameter {parameter} is invalid. ICMP types and codes must be between -1 and 255.");

    public static AwsException NetworkAclEntryAlreadyExists(int number) =>
        new("NetworkAclEntryAlreadyExists", $"The network acl entry identified by {number} already exists.");

    public static AwsException NetworkAclEntryLimitExceeded(string aclId) =>
        new("NetworkAclEntryLimitExceeded", $"The maximum number of entries for network ACL '{aclId}' has been reached.");

    /// <summary>Real AWS text: "no ingress entry with number 120" (terraform-provider-aws#12175).</summary>
    public static AwsException NetworkAclEntryNotFound(int number, bool egress) =>
        new("InvalidNetworkAclEntry.NotFound", $"no {(egress ? "egress" : "ingress")} entry with number {number}");
}

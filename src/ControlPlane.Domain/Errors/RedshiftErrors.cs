namespace ControlPlane.Domain.Errors;

/// <summary>
/// The Redshift error catalogue. Codes and HTTP statuses are the botocore model's error shapes (redshift 2012-12-01).
/// https://docs.aws.amazon.com/redshift/latest/APIReference/CommonErrors.html
/// </summary>
public static class RedshiftErrors
{
    public static AwsException InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static AwsException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);
    public static AwsException InvalidIdentifier(string parameter) =>
        new("InvalidParameterValue", $"{parameter} must contain from 1 to 63 alphanumeric characters or hyphens, start with a letter, "
            + "and must not end with a hyphen or contain two consecutive hyphens.");
    public static AwsException InvalidMaxRecords(int value) =>
        new("InvalidParameterValue", $"Invalid value {value} for MaxRecords. Must be between 20 and 100");
    public static AwsException InvalidMarker(string marker) => new("InvalidParameterValue", $"Invalid marker: {marker}");
    public static AwsException InvalidResourceName(string name) => new("InvalidParameterValue", $"Invalid resource name: {name}");
    public static AwsException InvalidResourceType(string type) => new("InvalidParameterValue", $"Invalid resource type: {type}");
    public static AwsException ResourceNotFound(string name) => new("ResourceNotFoundFault", $"The resource {name} could not be found.", 404);

    // Subnet groups.
    public static AwsException SubnetGroupNotFound(string name) =>
        new("ClusterSubnetGroupNotFoundFault", $"ClusterSubnetGroup {name} not found.");
    public static AwsException SubnetGroupAlreadyExists(string name) =>
        new("ClusterSubnetGroupAlreadyExists", $"Cluster subnet group {name} already exists.");
    public static AwsException InvalidSubnet(string subnetId) => new("InvalidSubnet", $"Subnet {subnetId} does not exist.");
    public static AwsException SubnetsInDifferentVpcs() => new("InvalidSubnet", "The subnets of a cluster subnet group must all be in the same VPC.");
    public static AwsException SubnetGroupInUse(string name) =>
        new("InvalidClusterSubnetGroupStateFault", $"Cluster subnet group {name} is in use by a cluster and cannot be deleted.");
    public static AwsException DefaultSubnetGroupReadOnly() =>
        new("InvalidClusterSubnetGroupStateFault", "The default cluster subnet group cannot be deleted.");

    // Security groups.
    public static AwsException SecurityGroupNotFound(string groupId) =>
        new("InvalidParameterValue", $"The security group {groupId} does not exist.");
    public static AwsException SecurityGroupInOtherVpc(string groupId) =>
        new("InvalidVPCNetworkStateFault", $"The security group {groupId} does not belong to the VPC of the cluster subnet group.");

    // Clusters.
    public static AwsException ClusterNotFound(string id) => new("ClusterNotFound", $"Cluster {id} not found.", 404);
    public static AwsException ClusterAlreadyExists() => new("ClusterAlreadyExists", "Cluster already exists");
    public static AwsException InvalidClusterType(string type) =>
        new("InvalidParameterValue", $"Invalid cluster type {type}. Valid values are single-node and multi-node.");
    public static AwsException MultiNodeCount() =>
        new("InvalidParameterValue", "Number of nodes for cluster type multi-node must be greater than or equal to 2");
    public static AwsException SingleNodeCount() =>
        new("InvalidParameterCombination", "Number of nodes for cluster type single-node must be 1");
    public static AwsException NoSubnetInZone(string zone) =>
        new("InvalidParameterValue", $"The cluster subnet group has no subnet in the availability zone {zone}.");
    public static AwsException FinalSnapshotRequired() =>
        new("InvalidParameterCombination", "FinalClusterSnapshotIdentifier is required unless SkipFinalClusterSnapshot is specified.");
    public static AwsException RenameNotSupported() =>
        new("InvalidParameterCombination", "Renaming a cluster (NewClusterIdentifier) is not supported by ControlPlane.");
}

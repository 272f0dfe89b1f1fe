namespace ControlPlane.Domain.Errors;

/// <summary>
/// The RDS error catalogue (also DocumentDB and Neptune, which share the RDS API). Codes and HTTP statuses are the
/// botocore model's error shapes (rds 2014-10-31); messages follow what RDS answers.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html
/// </summary>
public static class RdsErrors
{
    public static AwsException InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static AwsException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);

    /// <summary>The identifier rules of DB instances, clusters and their snapshots.</summary>
    public static AwsException InvalidIdentifier(string parameter) =>
        new("InvalidParameterValue", $"The parameter {parameter} is not a valid identifier. Identifiers must begin with a letter; "
            + "must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");
    public static AwsException InvalidEngine(string engine) => new("InvalidParameterValue", $"Invalid DB engine: {engine}");
    public static AwsException InvalidMaxRecords(int value) =>
        new("InvalidParameterValue", $"Invalid value {value} for MaxRecords. Must be between 20 and 100");
    public static AwsException InvalidMarker(string marker) => new("InvalidParameterValue", $"Invalid marker: {marker}");
    public static AwsException InvalidFilter(string name) => new("InvalidParameterValue", $"Unrecognized filter name: {name}");
    public static AwsException InvalidResourceName(string name) =>
        new("InvalidParameterValue", $"Invalid resource name: {name}");

    // Subnet groups.
    public static AwsException SubnetGroupNotFound(string name) =>
        new("DBSubnetGroupNotFoundFault", $"DBSubnetGroup '{name}' not found.", 404);
    public static AwsException SubnetGroupAlreadyExists(string name) =>
        new("DBSubnetGroupAlreadyExists", $"The DB subnet group '{name}' already exists.");
    public static AwsException SubnetGroupNameInvalid(string name) =>
        new("InvalidParameterValue", $"The parameter DBSubnetGroupName is not a valid identifier: '{name}'. It must contain only letters, "
            + "digits, periods, underscores, spaces and hyphens, at most 255 characters, and must not be default.");
    public static AwsException InvalidSubnet(IEnumerable<string> subnetIds) =>
        new("InvalidSubnet", $"Some input subnets in :[{string.Join(", ", subnetIds)}] are invalid.");
    public static AwsException SubnetsInDifferentVpcs() =>
        new("InvalidSubnet", "The subnets in a DB subnet group must all belong to the same VPC.");
    public static AwsException NotEnoughAzs(IEnumerable<string> zones) =>
        new("DBSubnetGroupDoesNotCoverEnoughAZs",
            $"The DB subnet group doesn't meet Availability Zone (AZ) coverage requirement. Current AZ coverage: {string.Join(", ", zones)}. "
            + "Add subnets to cover at least 2 AZs.");
    public static AwsException SubnetGroupInUse(string name, string user) =>
        new("InvalidDBSubnetGroupStateFault", $"Cannot delete the subnet group '{name}' because at least one database instance: {user} is still using it.");
    public static AwsException DefaultSubnetGroupReadOnly() =>
        new("InvalidDBSubnetGroupStateFault", "The default DB subnet group cannot be modified or deleted.");
    public static AwsException SubnetInUse(string subnetId) =>
        new("SubnetAlreadyInUse", $"Some of the subnets to be deleted are currently in use: {subnetId}");
    public static AwsException SubnetGroupChangesVpc() =>
        new("InvalidParameterValue", "The new subnets must belong to the VPC of the DB subnet group while databases use it.");

    // Security groups.
    public static AwsException SecurityGroupNotFound(string groupId) =>
        new("InvalidParameterValue", $"Invalid security group , groupId= {groupId}, groupName=.");
    public static AwsException SecurityGroupInOtherVpc(string groupId, string dbVpc) =>
        new("InvalidParameterCombination",
            $"The DB instance and EC2 security group are in different VPCs. The DB instance is in {dbVpc} and the EC2 security group {groupId} is in another VPC.");
    public static AwsException ClusterMemberGroups() =>
        new("InvalidParameterCombination", "The requested DB Instance will be a member of a DB Cluster. Set VPC security groups for the DB Cluster.");

    // DB instances.
    public static AwsException InstanceNotFound(string id) => new("DBInstanceNotFound", $"DBInstance {id} not found.", 404);
    public static AwsException InstanceAlreadyExists() => new("DBInstanceAlreadyExists", "DB instance already exists");
    public static AwsException AvailabilityZoneWithMultiAz() =>
        new("InvalidParameterCombination", "Requesting a specific availability zone is not valid for Multi-AZ instances.");
    public static AwsException NoSubnetInZone(string zone) =>
        new("InvalidParameterValue", $"The DB subnet group has no subnet in the availability zone {zone}.");
    public static AwsException EngineNeedsCluster(string engine) =>
        new("InvalidParameterCombination", $"A DB instance with engine {engine} must be created in a DB cluster: specify DBClusterIdentifier.");
    public static AwsException EngineDiffersFromCluster(string engine, string clusterEngine) =>
        new("InvalidParameterCombination", $"The engine {engine} of the DB instance does not match the engine {clusterEngine} of the DB cluster.");
    public static AwsException FinalSnapshotRequired() =>
        new("InvalidParameterCombination", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
    public static AwsException FinalSnapshotOfClusterMember() =>
        new("InvalidParameterCombination", "FinalDBSnapshotIdentifier can not be specified when deleting a cluster instance.");
    public static AwsException InstanceDeletionProtected() =>
        new("InvalidParameterCombination", "Cannot delete protected DB Instance, please disable deletion protection and try again.");
    public static AwsException ClusterMemberSubnetGroup() =>
        new("InvalidParameterCombination", "The DB subnet group of a DB cluster member is the DB cluster's and cannot be changed on the instance.");
    public static AwsException RenameNotSupported() =>
        new("InvalidParameterCombination", "Renaming a DB instance or cluster (NewDBInstanceIdentifier, NewDBClusterIdentifier) is not supported by ControlPlane.");

    // DB clusters.
    public static AwsException ClusterNotFound(string id) => new("DBClusterNotFoundFault", $"DBCluster {id} not found.", 404);
    public static AwsException ClusterAlreadyExists() => new("DBClusterAlreadyExistsFault", "DB Cluster already exists");
    public static AwsException ClusterEngineInvalid(string engine) =>
        new("InvalidParameterValue", $"Invalid DB engine for a DB cluster: {engine}. Use aurora-mysql, aurora-postgresql, docdb, neptune, mysql or postgres.");
    public static AwsException MultiAzClusterNeedsClass() =>
        new("InvalidParameterCombination", "A Multi-AZ DB cluster (engine mysql or postgres) requires DBClusterInstanceClass.");
    public static AwsException ClusterHasInstances(string id) =>
        new("InvalidDBClusterStateFault", $"Cluster cannot be deleted, it still contains DB instances in non-deleting state: {id}.");
    public static AwsException ClusterFinalSnapshotRequired() =>
        new("InvalidParameterCombination", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
    public static AwsException ClusterDeletionProtected() =>
        new("InvalidParameterCombination", "Cannot delete protected Cluster, please disable deletion protection and try again.");
    public static AwsException MultiAzClusterMember() =>
        new("InvalidParameterCombination", "The instances of a Multi-AZ DB cluster are created and deleted with the cluster.");
}

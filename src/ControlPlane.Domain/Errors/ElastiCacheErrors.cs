namespace ControlPlane.Domain.Errors;

/// <summary>
/// Amazon ElastiCache errors (query protocol, <c>&lt;ErrorResponse&gt;</c> envelope). Codes and HTTP statuses are the
/// botocore model's error shapes (elasticache 2015-02-02): most are 400, the not-found faults of clusters, replication
/// groups, serverless caches and tags are 404, while <c>CacheSubnetGroupNotFoundFault</c> is 400.
/// https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/CommonErrors.html
/// </summary>
public static class ElastiCacheErrors
{
    public static AwsException InvalidParameterValue(string message) => new("InvalidParameterValue", message);
    public static AwsException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);
    public static AwsException MissingParameter(string name) =>
        new("InvalidParameterValue", $"The parameter {name} must be provided and must not be blank.");
    public static AwsException InvalidArn(string arn) => new("InvalidARN", $"{arn} is not a valid ARN.");

    public static AwsException CacheClusterNotFound(string id) => new("CacheClusterNotFound", $"CacheCluster not found: {id}", 404);
    public static AwsException CacheClusterAlreadyExists(string id) => new("CacheClusterAlreadyExists", $"Cache cluster {id} already exists.");
    public static AwsException InvalidCacheClusterState(string message) => new("InvalidCacheClusterState", message);

    public static AwsException CacheSubnetGroupNotFound(string name) =>
        new("CacheSubnetGroupNotFoundFault", $"Cache subnet group {name} does not exist.");
    public static AwsException CacheSubnetGroupAlreadyExists(string name) =>
        new("CacheSubnetGroupAlreadyExists", $"Cache subnet group {name} already exists.");
    public static AwsException CacheSubnetGroupInUse(string name) =>
        new("CacheSubnetGroupInUse", $"Cache subnet group {name} is currently in use by a cache cluster or replication group.");
    public static AwsException SubnetInUse(string subnetId) =>
        new("SubnetInUse", $"The subnet {subnetId} is in use by a cache node and cannot be removed from the subnet group.");
    public static AwsException InvalidSubnet(string subnetId) => new("InvalidSubnet", $"The subnet ID {subnetId} does not exist");
    public static AwsException SubnetsInDifferentVpcs() =>
        new("InvalidSubnet", "The subnets of a cache subnet group must all belong to the same VPC.");

    public static AwsException SecurityGroupNotFound(string groupId) =>
        new("InvalidParameterValue", $"The security group '{groupId}' does not exist");
    public static AwsException SecurityGroupInOtherVpc(string groupId, string vpcId) =>
        new("InvalidParameterCombination", $"The security group '{groupId}' does not belong to the VPC {vpcId} of the cache's subnets.");

    public static AwsException ReplicationGroupNotFound(string id) =>
        new("ReplicationGroupNotFoundFault", $"ReplicationGroup {id} not found.", 404);
    public static AwsException ReplicationGroupAlreadyExists(string id) =>
        new("ReplicationGroupAlreadyExists", $"Replication group {id} already exists.");
    public static AwsException InvalidReplicationGroupState(string message) => new("InvalidReplicationGroupState", message);

    public static AwsException ServerlessCacheNotFound(string name) =>
        new("ServerlessCacheNotFoundFault", $"Serverless cache {name} not found.", 404);
    public static AwsException ServerlessCacheAlreadyExists(string name) =>
        new("ServerlessCacheAlreadyExistsFault", $"Serverless cache {name} already exists.");

    public static AwsException TagNotFound(string key) => new("TagNotFound", $"The tag with key {key} is not found on the resource.", 404);
    public static AwsException TagQuotaPerResourceExceeded() =>
        new("TagQuotaPerResourceExceeded", "The request cannot be processed because it would cause the resource to have more than the allowed number of tags. The maximum number of tags permitted on a resource is 50.");
}

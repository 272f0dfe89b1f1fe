#!/usr/bin/env python3
"""ElastiCache through boto3 (and the AWS CLI once) against a running ControlPlane.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/elasticache.py

Cache subnet groups, cache clusters (Redis, Memcached), replication groups and serverless caches: create, describe
(boto3 waiters and paginators), modify their security groups, delete; the interfaces each places in the VPC as
`ec2 describe-network-interfaces` shows them; DependencyViolation on a group in use; the service's errors; account
isolation. Prints one line per check, then "elasticache: N passed, M failed"; exits non-zero when a check failed.
"""
import json
import os
import subprocess
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ.get("CONTROLPLANE_ENDPOINT", "http://localhost:4566")
os.environ["AWS_ENDPOINT_URL"] = endpoint
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_ELASTICACHE"):
    os.environ.pop(variable, None)
region = "us-east-1"
account = f"{uuid.uuid4().int % 10**12:012d}"
config = Config(retries={"max_attempts": 1})
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
ec2 = session.client("ec2", config=config)
cache = session.client("elasticache", config=config)

passed = failed = 0


def check(name, condition):
    global passed, failed
    print(("ok   " if condition else "FAIL ") + name)
    if condition:
        passed += 1
    else:
        failed += 1


def error_code(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"]
    return None


def interfaces(description_prefix):
    found = ec2.describe_network_interfaces(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkInterfaces"]
    return sorted((n for n in found if n.get("Description", "").startswith(description_prefix)), key=lambda n: n["Description"])


def groups_of(enis):
    return [sorted(g["GroupId"] for g in n["Groups"]) for n in enis]


wait = {"Delay": 1, "MaxAttempts": 5}

# The network: a VPC with subnets in three zones, two groups, and a second VPC for the mismatch errors.
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.70.{i}.0/24", AvailabilityZone=f"{region}{z}")["Subnet"]["SubnetId"]
           for i, z in enumerate("abc")]
app_sg = ec2.create_security_group(VpcId=vpc, GroupName="app", Description="app")["GroupId"]
cache_sg = ec2.create_security_group(VpcId=vpc, GroupName="cache", Description="cache")["GroupId"]
other_sg = ec2.create_security_group(VpcId=vpc, GroupName="other", Description="other")["GroupId"]
default_sg = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
vpc2 = ec2.create_vpc(CidrBlock="10.71.0.0/16")["Vpc"]["VpcId"]
subnet2 = ec2.create_subnet(VpcId=vpc2, CidrBlock="10.71.0.0/24")["Subnet"]["SubnetId"]
sg2 = ec2.create_security_group(VpcId=vpc2, GroupName="elsewhere", Description="elsewhere")["GroupId"]

# Subnet groups.
default_group = cache.describe_cache_subnet_groups(CacheSubnetGroupName="default")["CacheSubnetGroups"][0]
default_vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
check("the default cache subnet group is the default VPC's", default_group["VpcId"] == default_vpc and len(default_group["Subnets"]) > 0)
group = cache.create_cache_subnet_group(CacheSubnetGroupName="Cache-Subnets", CacheSubnetGroupDescription="cache subnets",
                                        SubnetIds=subnets[:2])["CacheSubnetGroup"]
check("a subnet group is created lowercase with its VPC and zones", group["CacheSubnetGroupName"] == "cache-subnets" and group["VpcId"] == vpc
      and sorted(s["SubnetAvailabilityZone"]["Name"] for s in group["Subnets"]) == [f"{region}a", f"{region}b"])
check("its ARN is arn:aws:elasticache:<region>:<account>:subnetgroup:<name>",
      group["ARN"] == f"arn:aws:elasticache:{region}:{account}:subnetgroup:cache-subnets")
check("a duplicate subnet group is CacheSubnetGroupAlreadyExists", error_code(cache.create_cache_subnet_group, CacheSubnetGroupName="cache-subnets",
      CacheSubnetGroupDescription="d", SubnetIds=subnets[:1]) == "CacheSubnetGroupAlreadyExists")
check("a missing subnet is InvalidSubnet", error_code(cache.create_cache_subnet_group, CacheSubnetGroupName="bad",
      CacheSubnetGroupDescription="d", SubnetIds=["subnet-0123456789abcdef0"]) == "InvalidSubnet")
check("subnets of two VPCs are InvalidSubnet", error_code(cache.create_cache_subnet_group, CacheSubnetGroupName="bad",
      CacheSubnetGroupDescription="d", SubnetIds=[subnets[0], subnet2]) == "InvalidSubnet")
modified = cache.modify_cache_subnet_group(CacheSubnetGroupName="cache-subnets", SubnetIds=subnets)["CacheSubnetGroup"]
check("modify_cache_subnet_group sets three subnets", len(modified["Subnets"]) == 3)
check("a missing subnet group is CacheSubnetGroupNotFoundFault",
      error_code(cache.describe_cache_subnet_groups, CacheSubnetGroupName="nope") == "CacheSubnetGroupNotFoundFault")

# A Redis cluster: one node, one interface.
created = cache.create_cache_cluster(CacheClusterId="redis-one", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1,
                                     CacheSubnetGroupName="cache-subnets", SecurityGroupIds=[cache_sg],
                                     Tags=[{"Key": "team", "Value": "web"}])["CacheCluster"]
check("create_cache_cluster answers creating", created["CacheClusterStatus"] == "creating")
cache.get_waiter("cache_cluster_available").wait(CacheClusterId="redis-one", WaiterConfig=wait)
check("the cache_cluster_available waiter passes", True)
redis = cache.describe_cache_clusters(CacheClusterId="redis-one", ShowCacheNodeInfo=True)["CacheClusters"][0]
node = redis["CacheNodes"][0]
check("the cluster shows its groups and ARN", [g["SecurityGroupId"] for g in redis["SecurityGroups"]] == [cache_sg]
      and redis["ARN"] == f"arn:aws:elasticache:{region}:{account}:cluster:redis-one")
check("its node endpoint is <id>.<token>.0001.use1.cache.amazonaws.com:6379",
      node["CacheNodeId"] == "0001" and node["Endpoint"]["Port"] == 6379 and node["Endpoint"]["Address"].startswith("redis-one.")
      and node["Endpoint"]["Address"].endswith(".0001.use1.cache.amazonaws.com"))
enis = interfaces("ElastiCache redis-one")
eni = enis[0] if enis else {}
check("one interface per node", len(enis) == 1)
check("the interface is type interface, requester-managed by amazon-elasticache",
      eni.get("InterfaceType") == "interface" and eni.get("RequesterManaged") is True and eni.get("RequesterId") == "amazon-elasticache")
check("the interface is described ElastiCache redis-one-0001", eni.get("Description") == "ElastiCache redis-one-0001")
check("the interface is attached eni-attach-... owned by amazon-elasticache",
      eni.get("Attachment", {}).get("AttachmentId", "").startswith("eni-attach-") and eni["Attachment"].get("InstanceOwnerId") == "amazon-elasticache")
check("the interface carries the cluster's group", groups_of(enis) == [[cache_sg]])
check("the interface is in the node's zone", eni.get("AvailabilityZone") == node["CustomerAvailabilityZone"])
check("a duplicate cluster is CacheClusterAlreadyExists", error_code(cache.create_cache_cluster, CacheClusterId="redis-one", Engine="redis",
      CacheNodeType="cache.t3.micro", CacheSubnetGroupName="cache-subnets") == "CacheClusterAlreadyExists")
check("Redis with two nodes is InvalidParameterValue", error_code(cache.create_cache_cluster, CacheClusterId="redis-two", Engine="redis",
      CacheNodeType="cache.t3.micro", NumCacheNodes=2, CacheSubnetGroupName="cache-subnets") == "InvalidParameterValue")
check("a missing security group is InvalidParameterValue", error_code(cache.create_cache_cluster, CacheClusterId="redis-bad", Engine="redis",
      CacheNodeType="cache.t3.micro", CacheSubnetGroupName="cache-subnets", SecurityGroupIds=["sg-0123456789abcdef0"]) == "InvalidParameterValue")
check("a group of another VPC is InvalidParameterCombination", error_code(cache.create_cache_cluster, CacheClusterId="redis-bad", Engine="redis",
      CacheNodeType="cache.t3.micro", CacheSubnetGroupName="cache-subnets", SecurityGroupIds=[sg2]) == "InvalidParameterCombination")
check("a missing subnet group is CacheSubnetGroupNotFoundFault", error_code(cache.create_cache_cluster, CacheClusterId="redis-bad", Engine="redis",
      CacheNodeType="cache.t3.micro", CacheSubnetGroupName="nope") == "CacheSubnetGroupNotFoundFault")
check("a bad cluster id is InvalidParameterValue", error_code(cache.create_cache_cluster, CacheClusterId="bad--id", Engine="redis",
      CacheNodeType="cache.t3.micro") == "InvalidParameterValue")
check("nothing was left behind by the failed creates", [c["CacheClusterId"] for c in cache.describe_cache_clusters()["CacheClusters"]] == ["redis-one"])

# Group change propagation and DependencyViolation.
cache.modify_cache_cluster(CacheClusterId="redis-one", SecurityGroupIds=[cache_sg, other_sg], ApplyImmediately=True)
check("modify_cache_cluster moves the interface to the new groups", groups_of(interfaces("ElastiCache redis-one")) == [sorted([cache_sg, other_sg])])
check("describe shows the new groups", sorted(g["SecurityGroupId"] for g in cache.describe_cache_clusters(CacheClusterId="redis-one")
      ["CacheClusters"][0]["SecurityGroups"]) == sorted([cache_sg, other_sg]))
check("deleting a group the cluster uses is DependencyViolation", error_code(ec2.delete_security_group, GroupId=other_sg) == "DependencyViolation")

# Tags.
arn = redis["ARN"]
check("tags given at creation are listed", cache.list_tags_for_resource(ResourceName=arn)["TagList"] == [{"Key": "team", "Value": "web"}])
cache.add_tags_to_resource(ResourceName=arn, Tags=[{"Key": "env", "Value": "test"}])
cache.remove_tags_from_resource(ResourceName=arn, TagKeys=["team"])
check("add and remove tags", cache.list_tags_for_resource(ResourceName=arn)["TagList"] == [{"Key": "env", "Value": "test"}])
check("tags of a missing cluster are CacheClusterNotFound", error_code(cache.list_tags_for_resource,
      ResourceName=f"arn:aws:elasticache:{region}:{account}:cluster:nope") == "CacheClusterNotFound")
check("a malformed ARN is InvalidARN", error_code(cache.list_tags_for_resource, ResourceName="not-an-arn") == "InvalidARN")

# Memcached: three nodes across zones, a configuration endpoint, resize.
cache.create_cache_cluster(CacheClusterId="memcached", Engine="memcached", CacheNodeType="cache.t3.micro", NumCacheNodes=3, AZMode="cross-az",
                           CacheSubnetGroupName="cache-subnets", SecurityGroupIds=[cache_sg])
mem = cache.describe_cache_clusters(CacheClusterId="memcached", ShowCacheNodeInfo=True)["CacheClusters"][0]
check("memcached shows its configuration endpoint on 11211", mem["ConfigurationEndpoint"]["Port"] == 11211
      and ".cfg.use1.cache.amazonaws.com" in mem["ConfigurationEndpoint"]["Address"])
check("cross-az nodes spread over three zones", sorted({n["CustomerAvailabilityZone"] for n in mem["CacheNodes"]}) == [f"{region}{z}" for z in "abc"])
check("three memcached interfaces", [n["Description"] for n in interfaces("ElastiCache memcached")]
      == ["ElastiCache memcached-0001", "ElastiCache memcached-0002", "ElastiCache memcached-0003"])
cache.modify_cache_cluster(CacheClusterId="memcached", NumCacheNodes=4, ApplyImmediately=True)
check("adding a node adds an interface", len(interfaces("ElastiCache memcached")) == 4)
cache.modify_cache_cluster(CacheClusterId="memcached", NumCacheNodes=2, CacheNodeIdsToRemove=["0001", "0004"], ApplyImmediately=True)
check("removing nodes removes their interfaces", [n["Description"] for n in interfaces("ElastiCache memcached")]
      == ["ElastiCache memcached-0002", "ElastiCache memcached-0003"])
pages = list(cache.get_paginator("describe_cache_clusters").paginate(PaginationConfig={"PageSize": 20}))
check("describe_cache_clusters paginates", sum(len(p["CacheClusters"]) for p in pages) == 2)

# A replication group: primary and replica clusters, endpoints, group change on every member.
rg = cache.create_replication_group(ReplicationGroupId="sessions", ReplicationGroupDescription="sessions", Engine="redis",
                                    CacheNodeType="cache.t3.micro", NumCacheClusters=2, AutomaticFailoverEnabled=True,
                                    CacheSubnetGroupName="cache-subnets", SecurityGroupIds=[cache_sg])["ReplicationGroup"]
check("create_replication_group answers creating with members -001 and -002",
      rg["Status"] == "creating" and rg["MemberClusters"] == ["sessions-001", "sessions-002"])
cache.get_waiter("replication_group_available").wait(ReplicationGroupId="sessions", WaiterConfig=wait)
rg = cache.describe_replication_groups(ReplicationGroupId="sessions")["ReplicationGroups"][0]
ng = rg["NodeGroups"][0]
check("primary and reader endpoints", ng["PrimaryEndpoint"]["Address"].startswith("sessions.") and ".ng.0001.use1." in ng["PrimaryEndpoint"]["Address"]
      and ng["ReaderEndpoint"]["Address"].startswith("sessions-ro.") and ng["PrimaryEndpoint"]["Port"] == 6379)
check("member roles are primary then replica", [m["CurrentRole"] for m in ng["NodeGroupMembers"]] == ["primary", "replica"])
check("members sit in different zones", len({m["PreferredAvailabilityZone"] for m in ng["NodeGroupMembers"]}) == 2)
check("the members are cache clusters of the group", [c["ReplicationGroupId"] for c in cache.describe_cache_clusters(CacheClusterId="sessions-002")["CacheClusters"]] == ["sessions"])
check("one interface per member", [n["Description"] for n in interfaces("ElastiCache sessions")] == ["ElastiCache sessions-001-0001", "ElastiCache sessions-002-0001"])
cache.create_cache_cluster(CacheClusterId="sessions-003", ReplicationGroupId="sessions")
check("a cluster created with ReplicationGroupId joins as a replica", cache.describe_replication_groups(ReplicationGroupId="sessions")
      ["ReplicationGroups"][0]["MemberClusters"] == ["sessions-001", "sessions-002", "sessions-003"])
cache.modify_replication_group(ReplicationGroupId="sessions", SecurityGroupIds=[app_sg], ApplyImmediately=True)
check("modify_replication_group moves every member's interface", groups_of(interfaces("ElastiCache sessions")) == [[app_sg]] * 3)
check("deleting the primary alone is InvalidCacheClusterState", error_code(cache.delete_cache_cluster, CacheClusterId="sessions-001") == "InvalidCacheClusterState")
cache.delete_cache_cluster(CacheClusterId="sessions-003")
check("deleting a replica removes it from the group", cache.describe_replication_groups(ReplicationGroupId="sessions")
      ["ReplicationGroups"][0]["MemberClusters"] == ["sessions-001", "sessions-002"])
check("a missing replication group is ReplicationGroupNotFoundFault",
      error_code(cache.describe_replication_groups, ReplicationGroupId="nope") == "ReplicationGroupNotFoundFault")
check("deleting the subnet group in use is CacheSubnetGroupInUse",
      error_code(cache.delete_cache_subnet_group, CacheSubnetGroupName="cache-subnets") == "CacheSubnetGroupInUse")

# A serverless cache: one interface per subnet.
sl = cache.create_serverless_cache(ServerlessCacheName="fast", Engine="valkey", SubnetIds=subnets[:2], SecurityGroupIds=[cache_sg])["ServerlessCache"]
check("create_serverless_cache answers creating", sl["Status"] == "creating")
sl = cache.describe_serverless_caches(ServerlessCacheName="fast")["ServerlessCaches"][0]
check("serverless endpoint <name>-<token>.serverless.use1.cache.amazonaws.com:6379 and reader on 6380",
      sl["Status"] == "available" and sl["Endpoint"]["Address"].startswith("fast-") and sl["Endpoint"]["Address"].endswith(".serverless.use1.cache.amazonaws.com")
      and sl["Endpoint"]["Port"] == 6379 and sl["ReaderEndpoint"]["Port"] == 6380)
check("one serverless interface per subnet", sorted(n["SubnetId"] for n in interfaces("ElastiCache Serverless fast")) == sorted(subnets[:2]))
cache.modify_serverless_cache(ServerlessCacheName="fast", SecurityGroupIds=[other_sg])
check("modify_serverless_cache moves its interfaces", groups_of(interfaces("ElastiCache Serverless fast")) == [[other_sg]] * 2)
check("serverless subnets of two VPCs are InvalidParameterValue", error_code(cache.create_serverless_cache, ServerlessCacheName="bad",
      Engine="redis", SubnetIds=[subnets[0], subnet2]) == "InvalidParameterValue")
check("a missing serverless cache is ServerlessCacheNotFoundFault",
      error_code(cache.describe_serverless_caches, ServerlessCacheName="nope") == "ServerlessCacheNotFoundFault")

# No groups named: the VPC's default group; no subnet group named: the default VPC's.
cache.create_cache_cluster(CacheClusterId="plain", Engine="valkey", CacheNodeType="cache.t3.micro", CacheSubnetGroupName="cache-subnets")
check("a cluster with no groups gets the VPC's default group", groups_of(interfaces("ElastiCache plain")) == [[default_sg]])
cache.delete_cache_cluster(CacheClusterId="plain")
anywhere = cache.create_cache_cluster(CacheClusterId="anywhere", Engine="redis", CacheNodeType="cache.t3.micro")["CacheCluster"]
found = ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": ["ElastiCache anywhere-0001"]}])["NetworkInterfaces"]
check("a cluster with no subnet group uses the default group in the default VPC",
      anywhere["CacheSubnetGroupName"] == "default" and len(found) == 1 and found[0]["VpcId"] == default_vpc)
cache.delete_cache_cluster(CacheClusterId="anywhere")

# Account isolation: another account sees none of it.
other = boto3.Session(aws_access_key_id=f"{(int(account) + 1) % 10**12:012d}", aws_secret_access_key="secret", region_name=region).client("elasticache", config=config)
check("another account sees no cluster", other.describe_cache_clusters()["CacheClusters"] == [])
check("another account gets CacheClusterNotFound", error_code(other.describe_cache_clusters, CacheClusterId="redis-one") == "CacheClusterNotFound")

# The AWS CLI reads the same cluster.
cli = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", "elasticache", "describe-cache-clusters",
                      "--cache-cluster-id", "redis-one", "--show-cache-node-info"],
                     env={**os.environ, "AWS_ACCESS_KEY_ID": account, "AWS_SECRET_ACCESS_KEY": "secret"}, capture_output=True, text=True)
check("the AWS CLI describes the cluster", cli.returncode == 0 and json.loads(cli.stdout)["CacheClusters"][0]["CacheClusterStatus"] == "available")

# Deletes remove the interfaces; then the groups can go.
check("delete_cache_cluster answers deleting", cache.delete_cache_cluster(CacheClusterId="redis-one")["CacheCluster"]["CacheClusterStatus"] == "deleting")
check("the deleted cluster is CacheClusterNotFound", error_code(cache.describe_cache_clusters, CacheClusterId="redis-one") == "CacheClusterNotFound")
check("its interface is gone", interfaces("ElastiCache redis-one") == [])
cache.delete_cache_cluster(CacheClusterId="memcached")
cache.delete_replication_group(ReplicationGroupId="sessions")
check("deleting the replication group removes its members' interfaces", interfaces("ElastiCache sessions") == [])
check("and its member clusters", error_code(cache.describe_cache_clusters, CacheClusterId="sessions-001") == "CacheClusterNotFound")
cache.delete_serverless_cache(ServerlessCacheName="fast")
check("deleting the serverless cache removes its interfaces", interfaces("ElastiCache Serverless fast") == [])
ec2.delete_security_group(GroupId=other_sg)
check("the group can be deleted once no cache uses it", error_code(ec2.describe_security_groups, GroupIds=[other_sg]) == "InvalidGroup.NotFound")
cache.delete_cache_subnet_group(CacheSubnetGroupName="cache-subnets")
check("the unused subnet group is deleted", error_code(cache.describe_cache_subnet_groups, CacheSubnetGroupName="cache-subnets") == "CacheSubnetGroupNotFoundFault")
check("no interface of the VPC is left", ec2.describe_network_interfaces(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkInterfaces"] == [])

print(f"elasticache: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

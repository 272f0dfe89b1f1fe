#!/usr/bin/env python3
"""Redshift against a running ControlPlane, with boto3 and the AWS CLI.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/redshift.py

Creates cluster subnet groups and clusters and checks the interface each cluster places in the VPC as EC2 shows it,
security group changes reaching it, DependencyViolation on a group in use, the Redshift errors, waiters, tags and
account isolation. Prints one line per check, then "redshift: N passed, M failed"; exits non-zero when a check failed.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ.get("CONTROLPLANE_ENDPOINT", "http://localhost:4566")
os.environ["AWS_ENDPOINT_URL"] = endpoint
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_REDSHIFT"):
    os.environ.pop(variable, None)
region = "us-west-2"
account = f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
config = Config(retries={"max_attempts": 1})
ec2 = session.client("ec2", config=config)
redshift = session.client("redshift", config=config)
fast = {"Delay": 1, "MaxAttempts": 10}

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


def redshift_interfaces(vpc_id):
    found = ec2.describe_network_interfaces(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}])["NetworkInterfaces"]
    return [n for n in found if n["Description"] == "RedshiftNetworkInterface"]


def group_ids(eni):
    return sorted(g["GroupId"] for g in eni["Groups"])


zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]]
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
other_vpc = ec2.create_vpc(CidrBlock="10.71.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.70.{i}.0/24", AvailabilityZone=zones[i])["Subnet"]["SubnetId"] for i in range(2)]
other_subnet = ec2.create_subnet(VpcId=other_vpc, CidrBlock="10.71.0.0/24", AvailabilityZone=zones[0])["Subnet"]["SubnetId"]
warehouse = ec2.create_security_group(GroupName="warehouse", Description="warehouse", VpcId=vpc)["GroupId"]
warehouse2 = ec2.create_security_group(GroupName="warehouse2", Description="warehouse2", VpcId=vpc)["GroupId"]
stranger = ec2.create_security_group(GroupName="stranger", Description="other vpc", VpcId=other_vpc)["GroupId"]

# --- cluster subnet groups ------------------------------------------------------------------------------------------
group = redshift.create_cluster_subnet_group(ClusterSubnetGroupName="Analytics", Description="analytics", SubnetIds=subnets,
                                             Tags=[{"Key": "team", "Value": "bi"}])["ClusterSubnetGroup"]
check("a cluster subnet group's name is lower-cased and lists its subnets", group["ClusterSubnetGroupName"] == "analytics"
      and group["VpcId"] == vpc and sorted(s["SubnetIdentifier"] for s in group["Subnets"]) == sorted(subnets))
check("a missing subnet is InvalidSubnet", error_code(redshift.create_cluster_subnet_group, ClusterSubnetGroupName="bad", Description="x",
                                                       SubnetIds=["subnet-0123456789abcdef0"]) == "InvalidSubnet")
check("subnets of two VPCs are InvalidSubnet", error_code(redshift.create_cluster_subnet_group, ClusterSubnetGroupName="bad", Description="x",
                                                          SubnetIds=[subnets[0], other_subnet]) == "InvalidSubnet")
check("a duplicate subnet group is ClusterSubnetGroupAlreadyExists", error_code(
    redshift.create_cluster_subnet_group, ClusterSubnetGroupName="analytics", Description="x", SubnetIds=subnets) == "ClusterSubnetGroupAlreadyExists")
check("a missing subnet group is ClusterSubnetGroupNotFoundFault", error_code(
    redshift.describe_cluster_subnet_groups, ClusterSubnetGroupName="nope") == "ClusterSubnetGroupNotFoundFault")
check("describe lists the subnet group", [g["ClusterSubnetGroupName"] for g in redshift.describe_cluster_subnet_groups()["ClusterSubnetGroups"]] == ["analytics"])

# --- a publicly accessible multi-node cluster -----------------------------------------------------------------------
answer = redshift.create_cluster(ClusterIdentifier="Sales", NodeType="ra3.xlplus", NumberOfNodes=2, MasterUsername="admin1",
                                 MasterUserPassword="Secret123", ClusterSubnetGroupName="analytics", VpcSecurityGroupIds=[warehouse],
                                 PubliclyAccessible=True, Tags=[{"Key": "env", "Value": "test"}])["Cluster"]
check("create answers creating with a lower-cased identifier", answer["ClusterStatus"] == "creating" and answer["ClusterIdentifier"] == "sales")
check("the endpoint is <id>.<random>.<region>.redshift.amazonaws.com:5439",
      re.fullmatch(rf"sales\.[a-z0-9]{{12}}\.{region}\.redshift\.amazonaws\.com", answer["Endpoint"]["Address"]) is not None
      and answer["Endpoint"]["Port"] == 5439)
check("a two-node cluster is multi-node with a leader", answer["NumberOfNodes"] == 2 and answer["ClusterNodes"][0]["NodeRole"] == "LEADER")
redshift.get_waiter("cluster_available").wait(ClusterIdentifier="sales", WaiterConfig=fast)
check("the cluster_available waiter is satisfied", True)
sales = redshift.describe_clusters(ClusterIdentifier="sales")["Clusters"][0]
check("describe shows available, the VPC, subnet group and groups", sales["ClusterStatus"] == "available" and sales["VpcId"] == vpc
      and sales["ClusterSubnetGroupName"] == "analytics" and sales["VpcSecurityGroups"] == [{"VpcSecurityGroupId": warehouse, "Status": "active"}])
check("describe shows the tags", sales["Tags"] == [{"Key": "env", "Value": "test"}])
enis = redshift_interfaces(vpc)
check("the cluster has one interface", len(enis) == 1)
eni = enis[0] if enis else {"Attachment": {}, "Groups": []}
check("the interface is a requester-managed 'interface' of amazon-redshift",
      eni.get("InterfaceType") == "interface" and eni.get("RequesterManaged") and eni.get("RequesterId") == "amazon-redshift")
check("the interface is attached as eni-attach-… owned by amazon-redshift", eni["Attachment"].get("AttachmentId", "").startswith("eni-attach-")
      and eni["Attachment"].get("InstanceOwnerId") == "amazon-redshift")
check("the interface carries the cluster's group, in the cluster's zone", group_ids(eni) == [warehouse] and eni.get("AvailabilityZone") == sales["AvailabilityZone"])
check("the leader node shows the interface's addresses", sales["ClusterNodes"][0]["PrivateIPAddress"] == eni.get("PrivateIpAddress")
      and sales["ClusterNodes"][0]["PublicIPAddress"] == eni.get("Association", {}).get("PublicIp"))
check("a publicly accessible cluster's public IP is owned by amazon-redshift", eni.get("Association", {}).get("IpOwnerId") == "amazon-redshift")

# --- errors ---------------------------------------------------------------------------------------------------------
check("a duplicate cluster is ClusterAlreadyExists", error_code(
    redshift.create_cluster, ClusterIdentifier="sales", NodeType="ra3.xlplus", MasterUsername="a", MasterUserPassword="Secret123") == "ClusterAlreadyExists")
check("a missing security group is InvalidParameterValue", error_code(
    redshift.create_cluster, ClusterIdentifier="bad1", NodeType="ra3.xlplus", MasterUsername="a", MasterUserPassword="Secret123",
    ClusterSubnetGroupName="analytics", VpcSecurityGroupIds=["sg-0123456789abcdef0"]) == "InvalidParameterValue")
check("a group of another VPC is InvalidVPCNetworkStateFault", error_code(
    redshift.create_cluster, ClusterIdentifier="bad2", NodeType="ra3.xlplus", MasterUsername="a", MasterUserPassword="Secret123",
    ClusterSubnetGroupName="analytics", VpcSecurityGroupIds=[stranger]) == "InvalidVPCNetworkStateFault")
check("a missing subnet group is ClusterSubnetGroupNotFoundFault", error_code(
    redshift.create_cluster, ClusterIdentifier="bad3", NodeType="ra3.xlplus", MasterUsername="a", MasterUserPassword="Secret123",
    ClusterSubnetGroupName="nope") == "ClusterSubnetGroupNotFoundFault")
check("multi-node with one node is InvalidParameterValue", error_code(
    redshift.create_cluster, ClusterIdentifier="bad4", NodeType="ra3.xlplus", ClusterType="multi-node", NumberOfNodes=1,
    MasterUsername="a", MasterUserPassword="Secret123") == "InvalidParameterValue")
check("the failed creates left one cluster and one interface", [c["ClusterIdentifier"] for c in redshift.describe_clusters()["Clusters"]] == ["sales"]
      and len(redshift_interfaces(vpc)) == 1)
check("a missing cluster is ClusterNotFound", error_code(redshift.describe_clusters, ClusterIdentifier="nope") == "ClusterNotFound")
check("MaxRecords below 20 is InvalidParameterValue", error_code(redshift.describe_clusters, MaxRecords=5) == "InvalidParameterValue")
check("TagKeys narrow describe_clusters", redshift.describe_clusters(TagKeys=["absent"])["Clusters"] == []
      and len(redshift.describe_clusters(TagKeys=["env"])["Clusters"]) == 1)

# --- group changes --------------------------------------------------------------------------------------------------
modified = redshift.modify_cluster(ClusterIdentifier="sales", VpcSecurityGroupIds=[warehouse2, warehouse])["Cluster"]
check("modify answers the new groups", sorted(g["VpcSecurityGroupId"] for g in modified["VpcSecurityGroups"]) == sorted([warehouse, warehouse2]))
check("modify changes the interface's groups", [group_ids(e) for e in redshift_interfaces(vpc)] == [sorted([warehouse, warehouse2])])
redshift.modify_cluster(ClusterIdentifier="sales", VpcSecurityGroupIds=[warehouse2])
check("a group taken off is off the interface", [group_ids(e) for e in redshift_interfaces(vpc)] == [[warehouse2]])
check("modify to a group of another VPC is InvalidVPCNetworkStateFault", error_code(
    redshift.modify_cluster, ClusterIdentifier="sales", VpcSecurityGroupIds=[stranger]) == "InvalidVPCNetworkStateFault")
redshift.modify_cluster(ClusterIdentifier="sales", PubliclyAccessible=False)
check("making the cluster private takes the public IP away", all("Association" not in e for e in redshift_interfaces(vpc)))
check("a group in use by the cluster cannot be deleted (DependencyViolation)", error_code(ec2.delete_security_group, GroupId=warehouse2) == "DependencyViolation")
check("a subnet group in use cannot be deleted", error_code(
    redshift.delete_cluster_subnet_group, ClusterSubnetGroupName="analytics") == "InvalidClusterSubnetGroupStateFault")

# --- tags -----------------------------------------------------------------------------------------------------------
arn = f"arn:aws:redshift:{region}:{account}:cluster:sales"
redshift.create_tags(ResourceName=arn, Tags=[{"Key": "owner", "Value": "me"}])
check("create_tags adds a tag", sorted((t["Tag"]["Key"], t["ResourceType"]) for t in redshift.describe_tags(ResourceName=arn)["TaggedResources"]) == [
    ("env", "cluster"), ("owner", "cluster")])
redshift.delete_tags(ResourceName=arn, TagKeys=["env"])
check("delete_tags removes a tag", [t["Tag"]["Key"] for t in redshift.describe_tags(ResourceName=arn)["TaggedResources"]] == ["owner"])
check("describe_tags by type lists the subnet group's tags", [t["Tag"]["Key"] for t in redshift.describe_tags(ResourceType="subnetgroup")["TaggedResources"]] == ["team"])

# --- another account sees nothing -----------------------------------------------------------------------------------
stranger_account = f"{(int(account) + 1) % 10**12:012d}"
other = boto3.Session(aws_access_key_id=stranger_account, aws_secret_access_key="secret", region_name=region).client("redshift", config=config)
check("another account does not see the cluster", other.describe_clusters()["Clusters"] == []
      and error_code(other.describe_clusters, ClusterIdentifier="sales") == "ClusterNotFound")

# --- the AWS CLI ----------------------------------------------------------------------------------------------------
if shutil.which("aws"):
    cli_env = dict(os.environ, AWS_ACCESS_KEY_ID=account, AWS_SECRET_ACCESS_KEY="secret", AWS_DEFAULT_REGION=region)
    cli = subprocess.run(["aws", "--endpoint-url", endpoint, "redshift", "describe-clusters", "--cluster-identifier", "sales", "--output", "json"],
                         capture_output=True, text=True, env=cli_env, check=False)
    check("the AWS CLI describes the cluster", cli.returncode == 0 and json.loads(cli.stdout)["Clusters"][0]["Endpoint"]["Port"] == 5439)

# --- delete ---------------------------------------------------------------------------------------------------------
check("deleting without a final snapshot choice is InvalidParameterCombination",
      error_code(redshift.delete_cluster, ClusterIdentifier="sales") == "InvalidParameterCombination")
deleted = redshift.delete_cluster(ClusterIdentifier="sales", SkipFinalClusterSnapshot=True)["Cluster"]
check("delete answers deleting", deleted["ClusterStatus"] == "deleting")
redshift.get_waiter("cluster_deleted").wait(ClusterIdentifier="sales", WaiterConfig=fast)
check("the cluster_deleted waiter is satisfied", True)
check("the cluster's interface is gone", redshift_interfaces(vpc) == [])
check("the group can be deleted once the cluster is gone", error_code(ec2.delete_security_group, GroupId=warehouse2) is None)

# --- defaults: the default VPC and its default group ----------------------------------------------------------------
plain = redshift.create_cluster(ClusterIdentifier="plain", NodeType="dc2.large", MasterUsername="admin1", MasterUserPassword="Secret123")["Cluster"]
default_group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [plain["VpcId"]]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]
check("no subnet group places a single-node cluster in the default VPC with its default group", plain["ClusterSubnetGroupName"] == "default"
      and plain["NumberOfNodes"] == 1 and [g["VpcSecurityGroupId"] for g in plain["VpcSecurityGroups"]] == [default_group["GroupId"]]
      and len(redshift_interfaces(plain["VpcId"])) == 1)
redshift.delete_cluster(ClusterIdentifier="plain", SkipFinalClusterSnapshot=True)
redshift.delete_cluster_subnet_group(ClusterSubnetGroupName="analytics")
check("the subnet group is deleted", redshift.describe_cluster_subnet_groups()["ClusterSubnetGroups"] == [])

print(f"redshift: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""EKS clusters in a VPC through boto3 (and the AWS CLI) against a running ControlPlane.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/eks.py

Creates a cluster, checks the cluster security group EKS creates and the two control-plane interfaces in EC2, updates
endpoint access, subnets and security groups, deletes the cluster, and checks EKS's errors and account isolation.
Prints one line per check, then "eks: N passed, M failed"; exits non-zero on failure.
"""
import json
import os
import re
import subprocess
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ.get("CONTROLPLANE_ENDPOINT", "http://localhost:4566")
os.environ["AWS_ENDPOINT_URL"] = endpoint
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_EKS"):
    os.environ.pop(variable, None)
region = "us-west-2"
config = Config(retries={"max_attempts": 1})


def new_account():
    return f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id


account = new_account()
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
ec2 = session.client("ec2", config=config)
eks = session.client("eks", config=config)

passed = failed = 0


def check(name, condition):
    global passed, failed
    print(("ok   " if condition else "FAIL ") + name)
    if condition:
        passed += 1
    else:
        failed += 1


def error(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"].get("Message", "")
    return None, None, None


def cluster_interfaces():
    return ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": ["Amazon EKS demo"]}])["NetworkInterfaces"]


role = f"arn:aws:iam::{account}:role/eks-cluster"
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.70.{i}.0/24", AvailabilityZone=f"{region}{zone}")["Subnet"]["SubnetId"]
           for i, zone in enumerate("abc", start=1)]
same_zone = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.9.0/24", AvailabilityZone=f"{region}a")["Subnet"]["SubnetId"]
extra = ec2.create_security_group(GroupName="control-plane-extra", Description="extra", VpcId=vpc)["GroupId"]
replacement = ec2.create_security_group(GroupName="control-plane-new", Description="new", VpcId=vpc)["GroupId"]
other_vpc = ec2.create_vpc(CidrBlock="10.71.0.0/16")["Vpc"]["VpcId"]
other_subnet = ec2.create_subnet(VpcId=other_vpc, CidrBlock="10.71.1.0/24", AvailabilityZone=f"{region}b")["Subnet"]["SubnetId"]
other_group = ec2.create_security_group(GroupName="elsewhere", Description="other vpc", VpcId=other_vpc)["GroupId"]

created = eks.create_cluster(name="demo", roleArn=role, version="1.31", tags={"team": "platform"},
                             resourcesVpcConfig={"subnetIds": subnets[:2], "securityGroupIds": [extra]})["cluster"]
arn = f"arn:aws:eks:{region}:{account}:cluster/demo"
check("create answers status CREATING", created["status"] == "CREATING")
check("create answers the cluster ARN", created["arn"] == arn)
eks.get_waiter("cluster_active").wait(name="demo", WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("cluster_active waiter is satisfied", True)
cluster = eks.describe_cluster(name="demo")["cluster"]
vpc_config = cluster["resourcesVpcConfig"]
check("describe shows ACTIVE", cluster["status"] == "ACTIVE")
check("the endpoint is shaped as EKS shapes it", re.fullmatch(rf"https://[0-9A-F]{{32}}\.gr7\.{region}\.eks\.amazonaws\.com", cluster["endpoint"]) is not None)
check("there is a certificate authority", len(cluster["certificateAuthority"]["data"]) > 100)
check("resourcesVpcConfig shows the VPC, subnets and groups", vpc_config["vpcId"] == vpc and vpc_config["subnetIds"] == subnets[:2]
      and vpc_config["securityGroupIds"] == [extra])
check("endpoint access defaults to public only", vpc_config["endpointPublicAccess"] is True and vpc_config["endpointPrivateAccess"] is False
      and vpc_config["publicAccessCidrs"] == ["0.0.0.0/0"])
cluster_group_id = vpc_config["clusterSecurityGroupId"]
check("describe shows the cluster security group", cluster_group_id.startswith("sg-"))

group = ec2.describe_security_groups(GroupIds=[cluster_group_id])["SecurityGroups"][0]
tags = {t["Key"]: t["Value"] for t in group.get("Tags", [])}
check("the cluster security group is named eks-cluster-sg-<name>-<10 digits>", re.fullmatch(r"eks-cluster-sg-demo-\d{10}", group["GroupName"]) is not None)
check("the cluster security group has EKS's description", group["Description"].startswith("EKS created security group applied to ENI"))
check("the cluster security group allows all traffic from itself", group["IpPermissions"] == [{
    "IpProtocol": "-1", "IpRanges": [], "Ipv6Ranges": [], "PrefixListIds": [],
    "UserIdGroupPairs": [{"GroupId": cluster_group_id, "UserId": account}]}])
check("the cluster security group allows all outbound", [r["IpRanges"][0]["CidrIp"] for r in group["IpPermissionsEgress"]] == ["0.0.0.0/0"])
check("the cluster security group is tagged with the cluster", tags.get("aws:eks:cluster-name") == "demo"
      and tags.get("kubernetes.io/cluster/demo") == "owned")

enis = cluster_interfaces()
check("two control-plane interfaces in two zones", len(enis) == 2 and len({e["AvailabilityZone"] for e in enis}) == 2)
check("interfaces are InterfaceType interface, not requester-managed", all(e["InterfaceType"] == "interface" and e["RequesterManaged"] is False for e in enis))
check("interfaces are requested by the EKS role", all(re.fullmatch(r"AROA[0-9A-Z]+:AmazonEKS", e["RequesterId"]) for e in enis))
check("interfaces carry the cluster group and the given groups", all([g["GroupId"] for g in e["Groups"]] == [cluster_group_id, extra] for e in enis))
check("interfaces are attached to an EKS-owned instance", all(e["Attachment"]["AttachmentId"].startswith("eni-attach-")
      and re.fullmatch(r"\d{12}", e["Attachment"]["InstanceOwnerId"]) and e["Attachment"]["InstanceOwnerId"] != account
      and e["Attachment"]["DeleteOnTermination"] is True and e["Attachment"]["DeviceIndex"] == 1 for e in enis))
check("interfaces are owned by the account", all(e["OwnerId"] == account for e in enis))

check("a group on the control plane cannot be deleted (DependencyViolation)", error(ec2.delete_security_group, GroupId=extra)[0] == "DependencyViolation")

update = eks.update_cluster_config(name="demo", resourcesVpcConfig={"endpointPrivateAccess": True, "publicAccessCidrs": ["203.0.113.0/24"]})["update"]
check("an endpoint change is an EndpointAccessUpdate in progress", update["type"] == "EndpointAccessUpdate" and update["status"] == "InProgress")
described = eks.describe_update(name="demo", updateId=update["id"])["update"]
check("describe_update shows it Successful", described["status"] == "Successful"
      and {p["type"]: p["value"] for p in described["params"]}["EndpointPrivateAccess"] == "true")
vpc_config = eks.describe_cluster(name="demo")["cluster"]["resourcesVpcConfig"]
check("the cluster shows the new endpoint access", vpc_config["endpointPrivateAccess"] is True and vpc_config["publicAccessCidrs"] == ["203.0.113.0/24"])
code, status, _ = error(eks.update_cluster_config, name="demo", resourcesVpcConfig={"endpointPrivateAccess": True})
check("an update that changes nothing is InvalidParameterException", code == "InvalidParameterException" and status == 400)

update = eks.update_cluster_config(name="demo", resourcesVpcConfig={"securityGroupIds": [replacement]})["update"]
check("a group change is a VpcConfigUpdate", update["type"] == "VpcConfigUpdate"
      and json.loads({p["type"]: p["value"] for p in update["params"]}["SecurityGroups"]) == [replacement])
check("the interfaces carry the new groups", all([g["GroupId"] for g in e["Groups"]] == [cluster_group_id, replacement] for e in cluster_interfaces()))
ec2.delete_security_group(GroupId=extra)
check("the group the cluster no longer uses can be deleted", True)

eks.update_cluster_config(name="demo", resourcesVpcConfig={"subnetIds": [subnets[1], subnets[2]]})
enis = cluster_interfaces()
check("a subnet change moves the interfaces", sorted(e["SubnetId"] for e in enis) == sorted(subnets[1:]))
check("moved interfaces keep the groups", all([g["GroupId"] for g in e["Groups"]] == [cluster_group_id, replacement] for e in enis))

eks.create_cluster(name="second", roleArn=role, resourcesVpcConfig={"subnetIds": subnets[:2]})
pages = list(eks.get_paginator("list_clusters").paginate(PaginationConfig={"PageSize": 1}))
check("list_clusters paginates", [p["clusters"] for p in pages] == [["demo"], ["second"]])
second = eks.describe_cluster(name="second")["cluster"]["resourcesVpcConfig"]
check("no groups given: only the cluster security group", second["securityGroupIds"] == [])

eks.tag_resource(resourceArn=arn, tags={"env": "test"})
eks.untag_resource(resourceArn=arn, tagKeys=["team"])
check("tag_resource and untag_resource change the tags", eks.list_tags_for_resource(resourceArn=arn)["tags"] == {"env": "test"})

# Errors.
code, status, _ = error(eks.describe_cluster, name="missing")
check("a missing cluster is ResourceNotFoundException (404)", code == "ResourceNotFoundException" and status == 404)
code, status, _ = error(eks.create_cluster, name="demo", roleArn=role, resourcesVpcConfig={"subnetIds": subnets[:2]})
check("a duplicate name is ResourceInUseException (409)", code == "ResourceInUseException" and status == 409)
code, _, message = error(eks.create_cluster, name="one-zone", roleArn=role, resourcesVpcConfig={"subnetIds": [subnets[0], same_zone]})
check("subnets in one AZ are InvalidParameterException", code == "InvalidParameterException" and message == "Subnets specified must be in at least two different AZs")
code, _, _ = error(eks.create_cluster, name="no-subnet", roleArn=role, resourcesVpcConfig={"subnetIds": [subnets[0], "subnet-0123456789abcdef0"]})
check("a missing subnet is InvalidParameterException", code == "InvalidParameterException")
code, _, _ = error(eks.create_cluster, name="no-group", roleArn=role, resourcesVpcConfig={"subnetIds": subnets[:2], "securityGroupIds": ["sg-0123456789abcdef0"]})
check("a missing group is InvalidParameterException", code == "InvalidParameterException")
code, _, _ = error(eks.create_cluster, name="cross-vpc", roleArn=role, resourcesVpcConfig={"subnetIds": subnets[:2], "securityGroupIds": [other_group]})
check("a group of another VPC is InvalidParameterException", code == "InvalidParameterException")
code, _, _ = error(eks.create_cluster, name="split-vpc", roleArn=role, resourcesVpcConfig={"subnetIds": [subnets[0], other_subnet]})
check("subnets of different VPCs are InvalidParameterException", code == "InvalidParameterException")
check("failed creates left no cluster, group or interface", eks.list_clusters()["clusters"] == ["demo", "second"] and not [
    g for g in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["SecurityGroups"]
    if g["GroupName"].startswith("eks-cluster-sg-") and not re.match(r"eks-cluster-sg-(demo|second)-", g["GroupName"])])
code, _, _ = error(eks.update_cluster_config, name="demo", resourcesVpcConfig={"subnetIds": [other_subnet, subnets[0]]})
check("moving to subnets of another VPC is refused", code == "InvalidParameterException")

# Another account sees nothing.
stranger = boto3.Session(aws_access_key_id=new_account(), aws_secret_access_key="secret", region_name=region).client("eks", config=config)
check("another account lists no clusters", stranger.list_clusters()["clusters"] == [])
check("another account cannot describe the cluster", error(stranger.describe_cluster, name="demo")[0] == "ResourceNotFoundException")

# The AWS CLI.
cli = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", "eks", "describe-cluster", "--name", "demo"],
                     capture_output=True, text=True, env={**os.environ, "AWS_ACCESS_KEY_ID": account, "AWS_SECRET_ACCESS_KEY": "secret"})
check("the AWS CLI describes the cluster", cli.returncode == 0 and json.loads(cli.stdout)["cluster"]["resourcesVpcConfig"]["clusterSecurityGroupId"] == cluster_group_id)

# Deleting.
deleted = eks.delete_cluster(name="demo")["cluster"]
check("delete answers DELETING", deleted["status"] == "DELETING")
eks.get_waiter("cluster_deleted").wait(name="demo", WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("cluster_deleted waiter is satisfied", True)
check("the control-plane interfaces are gone", cluster_interfaces() == [])
check("the cluster security group is gone", error(ec2.describe_security_groups, GroupIds=[cluster_group_id])[0] == "InvalidGroup.NotFound")
ec2.delete_security_group(GroupId=replacement)
check("then the cluster's groups can be deleted", True)
eks.delete_cluster(name="second")
check("every cluster is gone", eks.list_clusters()["clusters"] == [])
check("no EKS interface is left", ec2.describe_network_interfaces(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkInterfaces"] == [])

print(f"eks: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

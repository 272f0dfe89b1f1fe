#!/usr/bin/env python3
"""boto3 against a running ControlPlane, configured only through AWS_ENDPOINT_URL (as users do).

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/boto3-smoke.py

Uses boto3's own paginators and waiters (which read the AWS service model), checks error codes, and prints
one line per check, then "boto3: N passed, M failed"; exits non-zero when a check failed.
"""
import os
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

os.environ["AWS_ENDPOINT_URL"] = os.environ.get("CONTROLPLANE_ENDPOINT", "http://localhost:4566")
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_STS"):
    os.environ.pop(variable, None)
account = f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name="eu-west-1")
config = Config(retries={"max_attempts": 1})
ec2 = session.client("ec2", config=config)
sts = session.client("sts", config=config)

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


check("sts answers the access key's account", sts.get_caller_identity()["Account"] == account)
zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]]
check("the region comes from the signature", zones and all(z.startswith("eu-west-1") for z in zones))

vpc = ec2.create_vpc(CidrBlock="10.50.0.0/16", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "boto3"}]}])["Vpc"]
ec2.get_waiter("vpc_available").wait(VpcIds=[vpc["VpcId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("vpc_available waiter is satisfied", True)
check("the new vpc is owned by the account", vpc["OwnerId"] == account)

subnets = [ec2.create_subnet(VpcId=vpc["VpcId"], CidrBlock=f"10.50.{i}.0/24")["Subnet"]["SubnetId"] for i in range(12)]
ec2.get_waiter("subnet_available").wait(SubnetIds=subnets, WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("subnet_available waiter is satisfied", True)
pages = list(ec2.get_paginator("describe_subnets").paginate(
    Filters=[{"Name": "vpc-id", "Values": [vpc["VpcId"]]}], PaginationConfig={"PageSize": 5}))
check("describe_subnets paginates in pages of 5", [len(p["Subnets"]) for p in pages] == [5, 5, 2])
check("the pages hold every subnet once", sorted(s["SubnetId"] for p in pages for s in p["Subnets"]) == sorted(subnets))

group = ec2.create_security_group(GroupName="boto3", Description="boto3 group", VpcId=vpc["VpcId"])["GroupId"]
ec2.get_waiter("security_group_exists").wait(GroupIds=[group], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("security_group_exists waiter is satisfied", True)
rules = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{
    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
    "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "https"}],
    "UserIdGroupPairs": [{"GroupId": group}],
}])["SecurityGroupRules"]
check("authorize returns one rule id per peer", len(rules) == 2 and all(r["SecurityGroupRuleId"].startswith("sgr-") for r in rules))
check("a duplicate is InvalidPermission.Duplicate", error_code(ec2.authorize_security_group_ingress, GroupId=group, IpPermissions=[{
    "IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]) == "InvalidPermission.Duplicate")
described = ec2.describe_security_groups(Filters=[{"Name": "ip-permission.from-port", "Values": ["443"]}, {"Name": "vpc-id", "Values": [vpc["VpcId"]]}])
check("filters on rule contents find the group", [g["GroupId"] for g in described["SecurityGroups"]] == [group])
rule_pages = list(ec2.get_paginator("describe_security_group_rules").paginate(
    Filters=[{"Name": "group-id", "Values": [group]}], PaginationConfig={"PageSize": 5}))
check("security group rules list the egress rule too", sum(len(p["SecurityGroupRules"]) for p in rule_pages) == 3)
check("an unknown filter is InvalidParameterValue", error_code(ec2.describe_vpcs, Filters=[{"Name": "nope", "Values": ["x"]}]) == "InvalidParameterValue")
check("a dry run is DryRunOperation", error_code(ec2.create_vpc, CidrBlock="10.51.0.0/16", DryRun=True) == "DryRunOperation")
check("deleting the vpc in use is DependencyViolation", error_code(ec2.delete_vpc, VpcId=vpc["VpcId"]) == "DependencyViolation")

ec2.delete_security_group(GroupId=group)
for subnet in subnets:
    ec2.delete_subnet(SubnetId=subnet)
ec2.delete_vpc(VpcId=vpc["VpcId"])
check("the deleted vpc is InvalidVpcID.NotFound", error_code(ec2.describe_vpcs, VpcIds=[vpc["VpcId"]]) == "InvalidVpcID.NotFound")

print(f"boto3: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""Amazon MQ through boto3 (and the AWS CLI once) against a running ControlPlane.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/mq.py

Brokers (ActiveMQ single-instance and active/standby, RabbitMQ): create, describe, list (paginator), update security
groups, delete; the interfaces each places in the VPC as `ec2 describe-network-interfaces` shows them;
DependencyViolation on a group in use; the service's errors; tags; account isolation. Prints one line per check, then
"mq: N passed, M failed"; exits non-zero when a check failed.
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
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_MQ"):
    os.environ.pop(variable, None)
region = "eu-west-1"
account = f"{uuid.uuid4().int % 10**12:012d}"
config = Config(retries={"max_attempts": 1})
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
ec2 = session.client("ec2", config=config)
mq = session.client("mq", config=config)

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
        return e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]
    return None, 200


def interfaces_of(broker_id):
    found = ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": [f"Amazon MQ network interface for broker {broker_id}"]}])
    return sorted(found["NetworkInterfaces"], key=lambda n: n["SubnetId"])


users = [{"Username": "admin", "Password": "correct-horse-battery", "ConsoleAccess": True}]
vpc = ec2.create_vpc(CidrBlock="10.80.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.80.{i}.0/24", AvailabilityZone=f"{region}{z}")["Subnet"]["SubnetId"] for i, z in enumerate("ab")]
broker_sg = ec2.create_security_group(VpcId=vpc, GroupName="broker", Description="broker")["GroupId"]
client_sg = ec2.create_security_group(VpcId=vpc, GroupName="clients", Description="clients")["GroupId"]
default_sg = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
vpc2 = ec2.create_vpc(CidrBlock="10.81.0.0/16")["Vpc"]["VpcId"]
subnet2 = ec2.create_subnet(VpcId=vpc2, CidrBlock="10.81.0.0/24")["Subnet"]["SubnetId"]
sg2 = ec2.create_security_group(VpcId=vpc2, GroupName="elsewhere", Description="elsewhere")["GroupId"]

# An ActiveMQ single-instance broker.
created = mq.create_broker(BrokerName="orders", EngineType="ACTIVEMQ", EngineVersion="5.18", DeploymentMode="SINGLE_INSTANCE",
                           HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=subnets[:1], SecurityGroups=[broker_sg],
                           Users=users, Tags={"team": "orders"})
broker_id = created["BrokerId"]
check("create_broker answers b-<uuid> and the ARN", broker_id.startswith("b-") and len(broker_id) == 38
      and created["BrokerArn"] == f"arn:aws:mq:{region}:{account}:broker:orders:{broker_id}")
broker = mq.describe_broker(BrokerId=broker_id)
instance = broker["BrokerInstances"][0]
check("describe_broker shows RUNNING", broker["BrokerState"] == "RUNNING")
check("one broker instance with its endpoints", len(broker["BrokerInstances"]) == 1
      and f"ssl://{broker_id}-1.mq.{region}.amazonaws.com:61617" in instance["Endpoints"]
      and instance["ConsoleURL"] == f"https://{broker_id}-1.mq.{region}.amazonaws.com:8162")
check("the broker shows its subnets, groups and users", broker["SubnetIds"] == subnets[:1] and broker["SecurityGroups"] == [broker_sg]
      and [u["Username"] for u in broker["Users"]] == ["admin"])
enis = interfaces_of(broker_id)
eni = enis[0] if enis else {}
check("one interface per broker instance", len(enis) == 1 and eni["SubnetId"] == subnets[0])
check("the instance's IpAddress is the interface's address", instance.get("IpAddress") == eni.get("PrivateIpAddress"))
check("the interface is type interface and not requester-managed", eni.get("InterfaceType") == "interface" and eni.get("RequesterManaged") is False
      and "RequesterId" not in eni)
check("the interface carries the broker's group", [g["GroupId"] for g in eni.get("Groups", [])] == [broker_sg])

# Errors.
check("a duplicate name is ConflictException 409", error(mq.create_broker, BrokerName="orders", EngineType="ACTIVEMQ", DeploymentMode="SINGLE_INSTANCE",
      HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=subnets[:1], Users=users) == ("ConflictException", 409))
check("a missing subnet is BadRequestException", error(mq.create_broker, BrokerName="bad", EngineType="ACTIVEMQ", DeploymentMode="SINGLE_INSTANCE",
      HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=["subnet-0123456789abcdef0"], Users=users) == ("BadRequestException", 400))
check("a missing group is BadRequestException", error(mq.create_broker, BrokerName="bad", EngineType="ACTIVEMQ", DeploymentMode="SINGLE_INSTANCE",
      HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=subnets[:1], SecurityGroups=["sg-0123456789abcdef0"], Users=users)
      == ("BadRequestException", 400))
check("a group of another VPC is BadRequestException", error(mq.create_broker, BrokerName="bad", EngineType="ACTIVEMQ", DeploymentMode="SINGLE_INSTANCE",
      HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=subnets[:1], SecurityGroups=[sg2], Users=users) == ("BadRequestException", 400))
check("subnets of two VPCs are BadRequestException", error(mq.create_broker, BrokerName="bad", EngineType="ACTIVEMQ", DeploymentMode="ACTIVE_STANDBY_MULTI_AZ",
      HostInstanceType="mq.m5.large", PubliclyAccessible=False, SubnetIds=[subnets[0], subnet2], Users=users) == ("BadRequestException", 400))
check("two subnets for a single instance are BadRequestException", error(mq.create_broker, BrokerName="bad", EngineType="ACTIVEMQ",
      DeploymentMode="SINGLE_INSTANCE", HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=subnets, Users=users) == ("BadRequestException", 400))
check("a short password is BadRequestException", error(mq.create_broker, BrokerName="bad", EngineType="ACTIVEMQ", DeploymentMode="SINGLE_INSTANCE",
      HostInstanceType="mq.t3.micro", PubliclyAccessible=False, SubnetIds=subnets[:1], Users=[{"Username": "admin", "Password": "short"}])
      == ("BadRequestException", 400))
check("nothing was left behind by the failed creates", [b["BrokerName"] for b in mq.list_brokers()["BrokerSummaries"]] == ["orders"])
try:
    mq.create_broker(BrokerName="bad", EngineType="ACTIVEMQ", DeploymentMode="SINGLE_INSTANCE", HostInstanceType="mq.t3.micro",
                     PubliclyAccessible=False, SubnetIds=["subnet-0123456789abcdef0"], Users=users)
    attribute = None
except ClientError as e:
    attribute = e.response.get("ErrorAttribute")
check("the error names the member at fault in ErrorAttribute", attribute == "subnetIds")
check("a missing broker is NotFoundException 404", error(mq.describe_broker, BrokerId="b-00000000-0000-0000-0000-000000000000") == ("NotFoundException", 404))

# Group change propagation and DependencyViolation.
updated = mq.update_broker(BrokerId=broker_id, SecurityGroups=[broker_sg, client_sg])
check("update_broker answers the new groups", sorted(updated["SecurityGroups"]) == sorted([broker_sg, client_sg]))
check("update_broker moves the interface to the new groups", sorted(g["GroupId"] for g in interfaces_of(broker_id)[0]["Groups"]) == sorted([broker_sg, client_sg]))
check("deleting a group the broker uses is DependencyViolation", error(ec2.delete_security_group, GroupId=client_sg)[0] == "DependencyViolation")
check("updating with a group of another VPC is BadRequestException", error(mq.update_broker, BrokerId=broker_id, SecurityGroups=[sg2]) == ("BadRequestException", 400))

# Tags.
arn = created["BrokerArn"]
mq.create_tags(ResourceArn=arn, Tags={"env": "test"})
mq.delete_tags(ResourceArn=arn, TagKeys=["team"])
check("create_tags and delete_tags", mq.list_tags(ResourceArn=arn)["Tags"] == {"env": "test"})
check("tags of a missing broker are NotFoundException", error(mq.list_tags, ResourceArn=arn.replace(broker_id, "b-00000000-0000-0000-0000-000000000000"))[0] == "NotFoundException")

# Active/standby: two instances in two subnets; no groups named = the VPC's default group.
pair = mq.create_broker(BrokerName="pair", EngineType="ActiveMQ", DeploymentMode="ACTIVE_STANDBY_MULTI_AZ", HostInstanceType="mq.m5.large",
                        PubliclyAccessible=False, SubnetIds=subnets, Users=users)["BrokerId"]
described = mq.describe_broker(BrokerId=pair)
check("an active/standby broker has two instances", [i["ConsoleURL"] for i in described["BrokerInstances"]]
      == [f"https://{pair}-1.mq.{region}.amazonaws.com:8162", f"https://{pair}-2.mq.{region}.amazonaws.com:8162"])
check("the engine type is answered in capitals", described["EngineType"] == "ACTIVEMQ")
check("and two interfaces, one per subnet", [n["SubnetId"] for n in interfaces_of(pair)] == sorted(subnets))
check("no groups named: the VPC's default group", described["SecurityGroups"] == [default_sg]
      and all([g["GroupId"] for g in n["Groups"]] == [default_sg] for n in interfaces_of(pair)))

# RabbitMQ without subnets: the default VPC's subnets.
rabbit = mq.create_broker(BrokerName="rabbit", EngineType="RABBITMQ", DeploymentMode="SINGLE_INSTANCE", HostInstanceType="mq.t3.micro",
                          PubliclyAccessible=False, Users=[{"Username": "rabbit", "Password": "correct-horse-battery"}])["BrokerId"]
rb = mq.describe_broker(BrokerId=rabbit)
default_vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
check("a broker with no subnets lands in a default subnet", len(interfaces_of(rabbit)) == 1 and interfaces_of(rabbit)[0]["VpcId"] == default_vpc)
check("RabbitMQ answers one amqps endpoint", rb["BrokerInstances"][0]["Endpoints"] == [f"amqps://{rabbit}.mq.{region}.amazonaws.com:5671"])

pages = list(mq.get_paginator("list_brokers").paginate(PaginationConfig={"PageSize": 2}))
check("list_brokers paginates", [len(p["BrokerSummaries"]) for p in pages] == [2, 1])

# Account isolation.
other = boto3.Session(aws_access_key_id=f"{(int(account) + 1) % 10**12:012d}", aws_secret_access_key="secret", region_name=region).client("mq", config=config)
check("another account lists no broker", other.list_brokers()["BrokerSummaries"] == [])
check("another account gets NotFoundException", error(other.describe_broker, BrokerId=broker_id)[0] == "NotFoundException")

# The AWS CLI reads the same broker.
cli = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", "mq", "describe-broker", "--broker-id", broker_id],
                     env={**os.environ, "AWS_ACCESS_KEY_ID": account, "AWS_SECRET_ACCESS_KEY": "secret"}, capture_output=True, text=True)
check("the AWS CLI describes the broker", cli.returncode == 0 and json.loads(cli.stdout)["BrokerName"] == "orders")

# Deletes remove the interfaces; then the group can go.
check("delete_broker answers the id", mq.delete_broker(BrokerId=broker_id)["BrokerId"] == broker_id)
check("its interface is gone", interfaces_of(broker_id) == [])
check("the deleted broker is NotFoundException", error(mq.describe_broker, BrokerId=broker_id)[0] == "NotFoundException")
ec2.delete_security_group(GroupId=client_sg)
check("the group can be deleted once no broker uses it", error(ec2.describe_security_groups, GroupIds=[client_sg])[0] == "InvalidGroup.NotFound")
mq.delete_broker(BrokerId=pair)
mq.delete_broker(BrokerId=rabbit)
check("no interface of the VPC is left", ec2.describe_network_interfaces(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkInterfaces"] == [])

print(f"mq: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

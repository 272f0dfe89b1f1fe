#!/usr/bin/env python3
"""boto3 (and the AWS CLI) against a running ControlPlane: the Classic Load Balancer API (elb, 2012-06-01).

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/elb.py

Creates Classic Load Balancers in a fresh account, checks their interfaces through EC2, moves them between groups and
subnets, registers instances, checks AWS's error codes and that another account sees nothing. Prints one line per
check, then "elb: N passed, M failed"; exits non-zero when a check failed.
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
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING"):
    os.environ.pop(variable, None)
REGION = "eu-west-1"
account = f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=REGION)
config = Config(retries={"max_attempts": 1})
ec2 = session.client("ec2", config=config)
elb = session.client("elb", config=config)

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


def interfaces(name):
    found = ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": [f"ELB {name}"]}])["NetworkInterfaces"]
    return sorted(found, key=lambda n: n["SubnetId"])


def group_ids(eni):
    return sorted(g["GroupId"] for g in eni["Groups"])


HTTP = [{"Protocol": "HTTP", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP", "InstancePort": 8080}]

zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]][:2]
vpc = ec2.create_vpc(CidrBlock="10.70.0.0/16")["Vpc"]["VpcId"]
subnet_a, subnet_b = (ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.70.{i}.0/24", AvailabilityZone=zones[i])["Subnet"]["SubnetId"] for i in range(2))
subnet_a2 = ec2.create_subnet(VpcId=vpc, CidrBlock="10.70.9.0/24", AvailabilityZone=zones[0])["Subnet"]["SubnetId"]
sg1 = ec2.create_security_group(GroupName="clb-1", Description="clb 1", VpcId=vpc)["GroupId"]
sg2 = ec2.create_security_group(GroupName="clb-2", Description="clb 2", VpcId=vpc)["GroupId"]
default_sg = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
other_vpc = ec2.create_vpc(CidrBlock="10.71.0.0/16")["Vpc"]["VpcId"]
other_subnet = ec2.create_subnet(VpcId=other_vpc, CidrBlock="10.71.0.0/24", AvailabilityZone=zones[1])["Subnet"]["SubnetId"]
other_sg = ec2.create_security_group(GroupName="other", Description="other", VpcId=other_vpc)["GroupId"]

check("internet-facing without an internet gateway is InvalidSubnet",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a]) == "InvalidSubnet")
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
check("a missing subnet is SubnetNotFound",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Listeners=HTTP, Subnets=["subnet-0123456789abcdef0"]) == "SubnetNotFound")
check("subnets of two VPCs are InvalidSubnet",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a, other_subnet]) == "InvalidSubnet")
check("a missing group is InvalidSecurityGroup",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a], SecurityGroups=["sg-0123456789abcdef0"]) == "InvalidSecurityGroup")
check("a group of another VPC is InvalidSecurityGroup",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a], SecurityGroups=[other_sg]) == "InvalidSecurityGroup")
check("two subnets in one zone are InvalidConfigurationRequest",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a, subnet_a2]) == "InvalidConfigurationRequest")
check("a bad listener protocol is ValidationError",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Subnets=[subnet_a],
                 Listeners=[{"Protocol": "FTP", "LoadBalancerPort": 21, "InstancePort": 21}]) == "ValidationError")
check("nothing was created by the failed calls", elb.describe_load_balancers()["LoadBalancerDescriptions"] == [])

dns = elb.create_load_balancer(LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a], SecurityGroups=[sg1],
                               Tags=[{"Key": "team", "Value": "web"}])["DNSName"]
check("create answers <name>-<digits>.<region>.elb.amazonaws.com", re.fullmatch(rf"web-\d+\.{REGION}\.elb\.amazonaws\.com", dns) is not None)
check("creating it again the same way answers the same DNS name",
      elb.create_load_balancer(LoadBalancerName="web", Listeners=HTTP, Subnets=[subnet_a], SecurityGroups=[sg1])["DNSName"] == dns)
check("the same name with other listeners is DuplicateLoadBalancerName",
      error_code(elb.create_load_balancer, LoadBalancerName="web", Subnets=[subnet_a],
                 Listeners=[{"Protocol": "TCP", "LoadBalancerPort": 22, "InstancePort": 22}]) == "DuplicateLoadBalancerName")
described = elb.describe_load_balancers(LoadBalancerNames=["web"])["LoadBalancerDescriptions"][0]
check("describe shows the listener, subnets, VPC, groups and scheme",
      described["ListenerDescriptions"][0]["Listener"] == {"Protocol": "HTTP", "LoadBalancerPort": 80, "InstanceProtocol": "HTTP", "InstancePort": 8080}
      and described["Subnets"] == [subnet_a] and described["AvailabilityZones"] == [zones[0]] and described["VPCId"] == vpc
      and described["SecurityGroups"] == [sg1] and described["Scheme"] == "internet-facing" and described["DNSName"] == dns
      and described["CanonicalHostedZoneNameID"] == "Z32O12XQLNTSW2" and described["SourceSecurityGroup"]["GroupName"] == "clb-1")
check("the default health check targets the first instance port", described["HealthCheck"]["Target"] == "TCP:8080")
check("a missing load balancer is LoadBalancerNotFound", error_code(elb.describe_load_balancers, LoadBalancerNames=["nope"]) == "LoadBalancerNotFound")

enis = interfaces("web")
check("the CLB has one interface in its subnet", [n["SubnetId"] for n in enis] == [subnet_a])
check("the CLB interface is type interface, requester-managed by amazon-elb",
      all(n["InterfaceType"] == "interface" and n["RequesterManaged"] and n["RequesterId"] == "amazon-elb" for n in enis))
check("the CLB interface is attached eni-attach-… by amazon-elb",
      all(n["Attachment"]["AttachmentId"].startswith("eni-attach-") and n["Attachment"]["InstanceOwnerId"] == "amazon-elb" for n in enis))
check("the CLB interface has the CLB's group and a public address", all(group_ids(n) == [sg1] and n["Association"]["IpOwnerId"] == "amazon-elb" for n in enis))

internal_dns = elb.create_load_balancer(LoadBalancerName="api", Listeners=HTTP, Subnets=[subnet_b], Scheme="internal")["DNSName"]
check("an internal CLB's DNS name starts with internal-", internal_dns.startswith("internal-api-"))
check("a CLB without groups gets the VPC's default group",
      elb.describe_load_balancers(LoadBalancerNames=["api"])["LoadBalancerDescriptions"][0]["SecurityGroups"] == [default_sg]
      and all(group_ids(n) == [default_sg] and "Association" not in n for n in interfaces("api")))
pages = list(elb.get_paginator("describe_load_balancers").paginate(PaginationConfig={"PageSize": 1}))
check("describe_load_balancers paginates with Marker", [len(p["LoadBalancerDescriptions"]) for p in pages] == [1, 1])

check("apply_security_groups answers the new groups", elb.apply_security_groups_to_load_balancer(LoadBalancerName="web", SecurityGroups=[sg2])["SecurityGroups"] == [sg2])
check("the CLB's interfaces moved to the new group", all(group_ids(n) == [sg2] for n in interfaces("web")))
check("a group of another VPC is InvalidSecurityGroup",
      error_code(elb.apply_security_groups_to_load_balancer, LoadBalancerName="web", SecurityGroups=[other_sg]) == "InvalidSecurityGroup")
check("deleting the group the CLB uses is DependencyViolation", error_code(ec2.delete_security_group, GroupId=sg2) == "DependencyViolation")
check("the group the CLB left can be deleted", error_code(ec2.delete_security_group, GroupId=sg1) is None)

check("attach_load_balancer_to_subnets answers all subnets",
      sorted(elb.attach_load_balancer_to_subnets(LoadBalancerName="web", Subnets=[subnet_b])["Subnets"]) == sorted([subnet_a, subnet_b]))
check("the new subnet got an interface with the CLB's group", sorted(n["SubnetId"] for n in interfaces("web")) == sorted([subnet_a, subnet_b])
      and all(group_ids(n) == [sg2] for n in interfaces("web")))
check("a second subnet in a zone is InvalidConfigurationRequest",
      error_code(elb.attach_load_balancer_to_subnets, LoadBalancerName="web", Subnets=[subnet_a2]) == "InvalidConfigurationRequest")
check("a subnet of another VPC is InvalidSubnet", error_code(elb.attach_load_balancer_to_subnets, LoadBalancerName="web", Subnets=[other_subnet]) == "InvalidSubnet")
check("detach_load_balancer_from_subnets answers the rest", elb.detach_load_balancer_from_subnets(LoadBalancerName="web", Subnets=[subnet_a])["Subnets"] == [subnet_b])
check("the detached subnet's interface is gone", [n["SubnetId"] for n in interfaces("web")] == [subnet_b])
check("detaching the last subnet is InvalidConfigurationRequest",
      error_code(elb.detach_load_balancer_from_subnets, LoadBalancerName="web", Subnets=[subnet_b]) == "InvalidConfigurationRequest")

ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
instance = ec2.run_instances(ImageId=ami, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=subnet_b)["Instances"][0]["InstanceId"]
stranger = ec2.run_instances(ImageId=ami, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=other_subnet)["Instances"][0]["InstanceId"]
check("registering answers the instances",
      elb.register_instances_with_load_balancer(LoadBalancerName="web", Instances=[{"InstanceId": instance}])["Instances"] == [{"InstanceId": instance}])
check("an instance of another VPC is InvalidInstance",
      error_code(elb.register_instances_with_load_balancer, LoadBalancerName="web", Instances=[{"InstanceId": stranger}]) == "InvalidInstance")
check("describe shows the instance", elb.describe_load_balancers(LoadBalancerNames=["web"])["LoadBalancerDescriptions"][0]["Instances"] == [{"InstanceId": instance}])
check("deregistering answers the rest",
      elb.deregister_instances_from_load_balancer(LoadBalancerName="web", Instances=[{"InstanceId": instance}])["Instances"] == [])

attributes = elb.describe_load_balancer_attributes(LoadBalancerName="web")["LoadBalancerAttributes"]
check("attributes answer the API defaults", attributes["ConnectionSettings"]["IdleTimeout"] == 60 and attributes["CrossZoneLoadBalancing"]["Enabled"] is False)
elb.add_tags(LoadBalancerNames=["web"], Tags=[{"Key": "env", "Value": "test"}])
tags = {t["Key"]: t["Value"] for t in elb.describe_tags(LoadBalancerNames=["web"])["TagDescriptions"][0]["Tags"]}
check("tags are added", tags == {"team": "web", "env": "test"})
check("tags of a missing load balancer are LoadBalancerNotFound", error_code(elb.describe_tags, LoadBalancerNames=["nope"]) == "LoadBalancerNotFound")

cli = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", REGION, "--output", "json", "elb", "describe-load-balancers", "--load-balancer-names", "web"],
                     env={**os.environ, "AWS_ACCESS_KEY_ID": account, "AWS_SECRET_ACCESS_KEY": "secret"}, capture_output=True, text=True)
check("the AWS CLI describes the CLB", cli.returncode == 0 and json.loads(cli.stdout)["LoadBalancerDescriptions"][0]["DNSName"] == dns)

other_account = f"{(int(account) + 1) % 10**12:012d}"
stranger_elb = boto3.Session(aws_access_key_id=other_account, aws_secret_access_key="secret", region_name=REGION).client("elb", config=config)
check("another account sees no load balancers", stranger_elb.describe_load_balancers()["LoadBalancerDescriptions"] == [])
check("another account gets LoadBalancerNotFound by name", error_code(stranger_elb.describe_load_balancers, LoadBalancerNames=["web"]) == "LoadBalancerNotFound")

elb.delete_load_balancer(LoadBalancerName="web")
elb.delete_load_balancer(LoadBalancerName="api")
check("deleting again succeeds", error_code(elb.delete_load_balancer, LoadBalancerName="web") is None)
check("a deleted load balancer is LoadBalancerNotFound", error_code(elb.describe_load_balancers, LoadBalancerNames=["web"]) == "LoadBalancerNotFound")
check("the interfaces are gone", interfaces("web") == [] and interfaces("api") == [])
check("the group can be deleted once the load balancer is gone", error_code(ec2.delete_security_group, GroupId=sg2) is None)
ec2.terminate_instances(InstanceIds=[instance, stranger])

print(f"elb: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

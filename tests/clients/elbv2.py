#!/usr/bin/env python3
"""boto3 (and the AWS CLI) against a running ControlPlane: Elastic Load Balancing v2.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/elbv2.py

Creates ALBs, an NLB and a GWLB in a fresh account, checks their interfaces through EC2 exactly as AWS shows them,
moves them between groups and subnets, runs target groups, targets and listeners through their lifecycle, checks the
AWS error codes, and that another account sees nothing. Prints one line per check, then "elbv2: N passed, M failed";
exits non-zero when a check failed.
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
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"):
    os.environ.pop(variable, None)
REGION = "us-east-1"
account = f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=REGION)
config = Config(retries={"max_attempts": 1})
ec2 = session.client("ec2", config=config)
elb = session.client("elbv2", config=config)

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


def interfaces(description):
    found = ec2.describe_network_interfaces(Filters=[{"Name": "description", "Values": [description]}])["NetworkInterfaces"]
    return sorted(found, key=lambda n: n["SubnetId"])


def group_ids(eni):
    return sorted(g["GroupId"] for g in eni["Groups"])


def lb_suffix(arn):
    return arn.split(":loadbalancer/", 1)[1]


# --- the network -----------------------------------------------------------------------------------------------------
zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]][:3]
vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
subnet_a, subnet_b, subnet_c = (ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.60.{i}.0/24", AvailabilityZone=zones[i])["Subnet"]["SubnetId"] for i in range(3))
subnet_a2 = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.10.0/24", AvailabilityZone=zones[0])["Subnet"]["SubnetId"]
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
sg1 = ec2.create_security_group(GroupName="alb-1", Description="alb 1", VpcId=vpc)["GroupId"]
sg2 = ec2.create_security_group(GroupName="alb-2", Description="alb 2", VpcId=vpc)["GroupId"]
default_sg = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
other_vpc = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
other_subnet = ec2.create_subnet(VpcId=other_vpc, CidrBlock="10.61.0.0/24", AvailabilityZone=zones[1])["Subnet"]["SubnetId"]
other_sg = ec2.create_security_group(GroupName="other", Description="other vpc", VpcId=other_vpc)["GroupId"]

# --- creating an ALB -------------------------------------------------------------------------------------------------
check("an internet-facing ALB in a VPC without an internet gateway is InvalidSubnet",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, subnet_b], SecurityGroups=[sg1]) == "InvalidSubnet")
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
check("a missing subnet is SubnetNotFound",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, "subnet-0123456789abcdef0"]) == "SubnetNotFound")
check("subnets of two VPCs are InvalidSubnet", error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, other_subnet]) == "InvalidSubnet")
check("a missing security group is InvalidSecurityGroup",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, subnet_b], SecurityGroups=["sg-0123456789abcdef0"]) == "InvalidSecurityGroup")
check("a security group of another VPC is InvalidSecurityGroup",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, subnet_b], SecurityGroups=[other_sg]) == "InvalidSecurityGroup")
check("an ALB in one Availability Zone is InvalidConfigurationRequest",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a]) == "InvalidConfigurationRequest")
check("two subnets in one Availability Zone are InvalidConfigurationRequest",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, subnet_a2, subnet_b]) == "InvalidConfigurationRequest")
check("a bad name is ValidationError", error_code(elb.create_load_balancer, Name="-web", Subnets=[subnet_a, subnet_b]) == "ValidationError")
check("a bad scheme is InvalidScheme", error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, subnet_b], Scheme="public") == "InvalidScheme")
check("nothing was created by the failed calls", elb.describe_load_balancers()["LoadBalancers"] == [])

alb = elb.create_load_balancer(Name="web", Subnets=[subnet_a, subnet_b], SecurityGroups=[sg1], Scheme="internet-facing", Type="application",
                               Tags=[{"Key": "team", "Value": "web"}])["LoadBalancers"][0]
alb_arn = alb["LoadBalancerArn"]
check("create answers provisioning", alb["State"]["Code"] == "provisioning")
check("the ARN is loadbalancer/app/<name>/<16 hex>",
      re.fullmatch(rf"arn:aws:elasticloadbalancing:{REGION}:{account}:loadbalancer/app/web/[0-9a-f]{{16}}", alb_arn) is not None)
check("the DNS name is <name>-<id>.<region>.elb.amazonaws.com", re.fullmatch(rf"web-\d+\.{REGION}\.elb\.amazonaws\.com", alb["DNSName"]) is not None)
check("the hosted zone is us-east-1's ALB zone", alb["CanonicalHostedZoneId"] == "Z35SXDOTRQ7X7K")
check("the answer shows the VPC, groups, scheme and zones",
      alb["VpcId"] == vpc and alb["SecurityGroups"] == [sg1] and alb["Scheme"] == "internet-facing" and alb["IpAddressType"] == "ipv4"
      and sorted((z["ZoneName"], z["SubnetId"]) for z in alb["AvailabilityZones"]) == [(zones[0], subnet_a), (zones[1], subnet_b)])
elb.get_waiter("load_balancer_available").wait(LoadBalancerArns=[alb_arn], WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("the load_balancer_available waiter passes", True)
again = elb.create_load_balancer(Name="web", Subnets=[subnet_a, subnet_b], SecurityGroups=[sg1])["LoadBalancers"][0]
check("creating it again with the same settings answers the same load balancer", again["LoadBalancerArn"] == alb_arn)
check("the same name with other settings is DuplicateLoadBalancerName",
      error_code(elb.create_load_balancer, Name="web", Subnets=[subnet_a, subnet_c], SecurityGroups=[sg1]) == "DuplicateLoadBalancerName")

enis = interfaces(f"ELB {lb_suffix(alb_arn)}")
check("the ALB has one interface per subnet", sorted(n["SubnetId"] for n in enis) == sorted([subnet_a, subnet_b]))
check("ALB interfaces are type interface, requester-managed by amazon-elb",
      all(n["InterfaceType"] == "interface" and n["RequesterManaged"] and n["RequesterId"] == "amazon-elb" for n in enis))
check("ALB interfaces carry the ALB's groups", all(group_ids(n) == [sg1] for n in enis))
check("ALB interfaces are attached eni-attach-… by amazon-elb at device 1, kept on termination",
      all(n["Attachment"]["AttachmentId"].startswith("eni-attach-") and n["Attachment"]["InstanceOwnerId"] == "amazon-elb"
          and n["Attachment"]["DeviceIndex"] == 1 and n["Attachment"]["DeleteOnTermination"] is False and "InstanceId" not in n["Attachment"]
          and n["Status"] == "in-use" for n in enis))
check("internet-facing interfaces have a public address owned by amazon-elb",
      all(n.get("Association", {}).get("PublicIp") and n["Association"]["IpOwnerId"] == "amazon-elb" for n in enis))
check("deleting a requester-managed interface is refused", error_code(ec2.delete_network_interface, NetworkInterfaceId=enis[0]["NetworkInterfaceId"]) is not None)

internal = elb.create_load_balancer(Name="api", Subnets=[subnet_a, subnet_b], Scheme="internal")["LoadBalancers"][0]
check("an internal ALB's DNS name starts with internal-", internal["DNSName"].startswith("internal-api-"))
check("an ALB created without groups gets the VPC's default group", internal["SecurityGroups"] == [default_sg])
internal_enis = interfaces(f"ELB {lb_suffix(internal['LoadBalancerArn'])}")
check("an internal ALB's interfaces have the default group and no public address",
      len(internal_enis) == 2 and all(group_ids(n) == [default_sg] and "Association" not in n for n in internal_enis))

# --- describing ------------------------------------------------------------------------------------------------------
described = elb.describe_load_balancers(LoadBalancerArns=[alb_arn])["LoadBalancers"][0]
check("describe shows the ALB active", described["State"]["Code"] == "active" and described["DNSName"] == alb["DNSName"])
check("describe by name finds it", [lb["LoadBalancerArn"] for lb in elb.describe_load_balancers(Names=["web"])["LoadBalancers"]] == [alb_arn])
check("a missing ARN is LoadBalancerNotFound",
      error_code(elb.describe_load_balancers, LoadBalancerArns=[alb_arn.replace("/web/", "/nope/")]) == "LoadBalancerNotFound")
check("a missing name is LoadBalancerNotFound", error_code(elb.describe_load_balancers, Names=["nope"]) == "LoadBalancerNotFound")
pages = list(elb.get_paginator("describe_load_balancers").paginate(PaginationConfig={"PageSize": 1}))
check("describe_load_balancers paginates with Marker", [len(p["LoadBalancers"]) for p in pages] == [1, 1])
check("a bad marker is ValidationError", error_code(elb.describe_load_balancers, Marker="nope") == "ValidationError")

# --- security groups and subnets -------------------------------------------------------------------------------------
changed = elb.set_security_groups(LoadBalancerArn=alb_arn, SecurityGroups=[sg2])
check("set_security_groups answers the new groups", changed["SecurityGroupIds"] == [sg2])
check("the ALB's interfaces moved to the new group", all(group_ids(n) == [sg2] for n in interfaces(f"ELB {lb_suffix(alb_arn)}")))
check("describe shows the new group", elb.describe_load_balancers(Names=["web"])["LoadBalancers"][0]["SecurityGroups"] == [sg2])
check("a group of another VPC is InvalidSecurityGroup", error_code(elb.set_security_groups, LoadBalancerArn=alb_arn, SecurityGroups=[other_sg]) == "InvalidSecurityGroup")
check("deleting the group the ALB uses is DependencyViolation", error_code(ec2.delete_security_group, GroupId=sg2) == "DependencyViolation")
check("the group the ALB left can be deleted", error_code(ec2.delete_security_group, GroupId=sg1) is None)

kept = next(n for n in interfaces(f"ELB {lb_suffix(alb_arn)}") if n["SubnetId"] == subnet_a)
zones_after = elb.set_subnets(LoadBalancerArn=alb_arn, Subnets=[subnet_a, subnet_c])["AvailabilityZones"]
check("set_subnets answers the new zones", sorted(z["SubnetId"] for z in zones_after) == sorted([subnet_a, subnet_c]))
moved = interfaces(f"ELB {lb_suffix(alb_arn)}")
check("set_subnets adds and removes interfaces", sorted(n["SubnetId"] for n in moved) == sorted([subnet_a, subnet_c]))
check("the interface in a kept subnet is unchanged",
      any(n["NetworkInterfaceId"] == kept["NetworkInterfaceId"] and n["PrivateIpAddress"] == kept["PrivateIpAddress"] for n in moved))
check("the new interface has the ALB's group and a public address",
      all(group_ids(n) == [sg2] and "Association" in n for n in moved))
check("set_subnets to another VPC is InvalidSubnet", error_code(elb.set_subnets, LoadBalancerArn=alb_arn, Subnets=[subnet_a, other_subnet]) == "InvalidSubnet")
check("set_subnets to one zone is InvalidConfigurationRequest", error_code(elb.set_subnets, LoadBalancerArn=alb_arn, Subnets=[subnet_a]) == "InvalidConfigurationRequest")

# --- attributes ------------------------------------------------------------------------------------------------------
attributes = {a["Key"]: a["Value"] for a in elb.describe_load_balancer_attributes(LoadBalancerArn=alb_arn)["Attributes"]}
check("ALB attributes have AWS's defaults", attributes.get("idle_timeout.timeout_seconds") == "60" and attributes.get("routing.http2.enabled") == "true"
      and attributes.get("deletion_protection.enabled") == "false")
elb.modify_load_balancer_attributes(LoadBalancerArn=alb_arn, Attributes=[{"Key": "idle_timeout.timeout_seconds", "Value": "120"}])
attributes = {a["Key"]: a["Value"] for a in elb.describe_load_balancer_attributes(LoadBalancerArn=alb_arn)["Attributes"]}
check("modify_load_balancer_attributes changes the idle timeout", attributes["idle_timeout.timeout_seconds"] == "120")
check("an unknown attribute is ValidationError",
      error_code(elb.modify_load_balancer_attributes, LoadBalancerArn=alb_arn, Attributes=[{"Key": "nope", "Value": "1"}]) == "ValidationError")

# --- NLB and GWLB ----------------------------------------------------------------------------------------------------
nlb = elb.create_load_balancer(Name="tcp", Subnets=[subnet_a], Type="network", Scheme="internal")["LoadBalancers"][0]
nlb_arn = nlb["LoadBalancerArn"]
check("the NLB ARN is loadbalancer/net/…", ":loadbalancer/net/tcp/" in nlb_arn and nlb["CanonicalHostedZoneId"] == "Z26RNL4JYFTOTI")
nlb_enis = interfaces(f"ELB {lb_suffix(nlb_arn)}")
check("the NLB interface is network_load_balancer, requester-managed by amazon-elb, without groups, source/dest check off",
      len(nlb_enis) == 1 and nlb_enis[0]["InterfaceType"] == "network_load_balancer" and nlb_enis[0]["RequesterManaged"]
      and nlb_enis[0]["RequesterId"] == "amazon-elb" and nlb_enis[0]["Groups"] == [] and nlb_enis[0]["SourceDestCheck"] is False)
check("the NLB shows its private address per zone",
      nlb["AvailabilityZones"][0]["LoadBalancerAddresses"][0].get("PrivateIPv4Address") == nlb_enis[0]["PrivateIpAddress"])
check("an NLB created without groups can never get any",
      error_code(elb.set_security_groups, LoadBalancerArn=nlb_arn, SecurityGroups=[sg2]) == "InvalidConfigurationRequest")
gwlb = elb.create_load_balancer(Name="appliances", Subnets=[subnet_b], Type="gateway")["LoadBalancers"][0]
gwlb_enis = interfaces(f"ELB {lb_suffix(gwlb['LoadBalancerArn'])}")
check("the GWLB interface is gateway_load_balancer with no groups",
      len(gwlb_enis) == 1 and gwlb_enis[0]["InterfaceType"] == "gateway_load_balancer" and gwlb_enis[0]["Groups"] == []
      and ":loadbalancer/gwy/appliances/" in gwlb["LoadBalancerArn"])
check("a GWLB with security groups is InvalidConfigurationRequest",
      error_code(elb.create_load_balancer, Name="gw2", Subnets=[subnet_b], Type="gateway", SecurityGroups=[sg2]) == "InvalidConfigurationRequest")

eip = ec2.allocate_address(Domain="vpc")["AllocationId"]
public_nlb = elb.create_load_balancer(Name="edge", SubnetMappings=[{"SubnetId": subnet_b, "AllocationId": eip}], Type="network")["LoadBalancers"][0]
address = ec2.describe_addresses(AllocationIds=[eip])["Addresses"][0]
check("an NLB subnet mapping with an Elastic IP shows it and associates it with the NLB's interface",
      public_nlb["AvailabilityZones"][0]["LoadBalancerAddresses"][0].get("AllocationId") == eip
      and address.get("NetworkInterfaceId") == interfaces(f"ELB {lb_suffix(public_nlb['LoadBalancerArn'])}")[0]["NetworkInterfaceId"])
elb.delete_load_balancer(LoadBalancerArn=public_nlb["LoadBalancerArn"])
check("deleting the NLB disassociates its Elastic IP", "AssociationId" not in ec2.describe_addresses(AllocationIds=[eip])["Addresses"][0])
ec2.release_address(AllocationId=eip)
lambda_tg = elb.create_target_group(Name="fn", TargetType="lambda")["TargetGroups"][0]
check("a Lambda target group has no protocol, port or VPC and health checks off",
      "Protocol" not in lambda_tg and "VpcId" not in lambda_tg and lambda_tg["HealthCheckEnabled"] is False)
elb.delete_target_group(TargetGroupArn=lambda_tg["TargetGroupArn"])

# --- target groups and targets ---------------------------------------------------------------------------------------
check("a target group without a VPC is ValidationError", error_code(elb.create_target_group, Name="app", Protocol="HTTP", Port=8080) == "ValidationError")
check("a target group in a missing VPC is ValidationError",
      error_code(elb.create_target_group, Name="app", Protocol="HTTP", Port=8080, VpcId="vpc-0123456789abcdef0") == "ValidationError")
tg = elb.create_target_group(Name="app", Protocol="HTTP", Port=8080, VpcId=vpc, HealthCheckPath="/health")["TargetGroups"][0]
tg_arn = tg["TargetGroupArn"]
check("the target group ARN is targetgroup/<name>/<16 hex>",
      re.fullmatch(rf"arn:aws:elasticloadbalancing:{REGION}:{account}:targetgroup/app/[0-9a-f]{{16}}", tg_arn) is not None)
check("the target group has AWS's HTTP health-check defaults",
      tg["HealthCheckProtocol"] == "HTTP" and tg["HealthCheckPort"] == "traffic-port" and tg["HealthCheckIntervalSeconds"] == 30
      and tg["HealthCheckTimeoutSeconds"] == 5 and tg["HealthCheckPath"] == "/health" and tg["Matcher"] == {"HttpCode": "200"}
      and tg["TargetType"] == "instance" and tg["LoadBalancerArns"] == [])
check("the same name with other settings is DuplicateTargetGroupName",
      error_code(elb.create_target_group, Name="app", Protocol="HTTP", Port=9090, VpcId=vpc) == "DuplicateTargetGroupName")
modified = elb.modify_target_group(TargetGroupArn=tg_arn, HealthCheckIntervalSeconds=15, HealthyThresholdCount=3)["TargetGroups"][0]
check("modify_target_group changes the health check", modified["HealthCheckIntervalSeconds"] == 15 and modified["HealthyThresholdCount"] == 3)
tg_attributes = {a["Key"]: a["Value"] for a in elb.describe_target_group_attributes(TargetGroupArn=tg_arn)["Attributes"]}
check("target group attributes have AWS's defaults", tg_attributes.get("deregistration_delay.timeout_seconds") == "300" and tg_attributes.get("stickiness.enabled") == "false")
elb.modify_target_group_attributes(TargetGroupArn=tg_arn, Attributes=[{"Key": "deregistration_delay.timeout_seconds", "Value": "30"}])
check("modify_target_group_attributes changes the delay",
      {a["Key"]: a["Value"] for a in elb.describe_target_group_attributes(TargetGroupArn=tg_arn)["Attributes"]}["deregistration_delay.timeout_seconds"] == "30")
check("a missing target group is TargetGroupNotFound", error_code(elb.describe_target_groups, TargetGroupArns=[tg_arn.replace("/app/", "/nope/")]) == "TargetGroupNotFound")

ami = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
instance = ec2.run_instances(ImageId=ami, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=subnet_a)["Instances"][0]["InstanceId"]
stranger = ec2.run_instances(ImageId=ami, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=other_subnet)["Instances"][0]["InstanceId"]
check("an instance of another VPC is InvalidTarget", error_code(elb.register_targets, TargetGroupArn=tg_arn, Targets=[{"Id": stranger}]) == "InvalidTarget")
check("a missing instance is InvalidTarget", error_code(elb.register_targets, TargetGroupArn=tg_arn, Targets=[{"Id": "i-0123456789abcdef0"}]) == "InvalidTarget")
elb.register_targets(TargetGroupArn=tg_arn, Targets=[{"Id": instance}])
health = elb.describe_target_health(TargetGroupArn=tg_arn)["TargetHealthDescriptions"]
check("a target of a group no listener uses is unused / Target.NotInUse",
      len(health) == 1 and health[0]["Target"] == {"Id": instance, "Port": 8080}
      and health[0]["TargetHealth"]["State"] == "unused" and health[0]["TargetHealth"]["Reason"] == "Target.NotInUse")
ip_tg = elb.create_target_group(Name="ips", Protocol="TCP", Port=443, VpcId=vpc, TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
check("an IP outside the VPC is InvalidTarget", error_code(elb.register_targets, TargetGroupArn=ip_tg, Targets=[{"Id": "192.0.2.10"}]) == "InvalidTarget")
elb.register_targets(TargetGroupArn=ip_tg, Targets=[{"Id": "10.60.0.200"}, {"Id": "10.60.1.200", "Port": 8443}])
check("IP targets are registered with their ports",
      sorted((d["Target"]["Id"], d["Target"]["Port"]) for d in elb.describe_target_health(TargetGroupArn=ip_tg)["TargetHealthDescriptions"])
      == [("10.60.0.200", 443), ("10.60.1.200", 8443)])

# --- listeners -------------------------------------------------------------------------------------------------------
check("a listener forwarding to a missing group is TargetGroupNotFound",
      error_code(elb.create_listener, LoadBalancerArn=alb_arn, Protocol="HTTP", Port=80,
                 DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn.replace("/app/", "/nope/")}]) == "TargetGroupNotFound")
check("a TCP listener on an ALB is UnsupportedProtocol",
      error_code(elb.create_listener, LoadBalancerArn=alb_arn, Protocol="TCP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}]) == "UnsupportedProtocol")
listener = elb.create_listener(LoadBalancerArn=alb_arn, Protocol="HTTP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}])["Listeners"][0]
listener_arn = listener["ListenerArn"]
alb_id = alb_arn.rsplit("/", 1)[1]
check("the listener ARN is listener/app/<name>/<lb id>/<16 hex>",
      re.fullmatch(rf"arn:aws:elasticloadbalancing:{REGION}:{account}:listener/app/web/{alb_id}/[0-9a-f]{{16}}", listener_arn) is not None)
check("the listener's forward action names its group", listener["DefaultActions"][0]["TargetGroupArn"] == tg_arn
      and listener["DefaultActions"][0]["ForwardConfig"]["TargetGroups"][0]["TargetGroupArn"] == tg_arn)
check("the same port again with another action is DuplicateListener",
      error_code(elb.create_listener, LoadBalancerArn=alb_arn, Protocol="HTTP", Port=80,
                 DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]) == "DuplicateListener")
check("describe_listeners lists it", [l["ListenerArn"] for l in elb.describe_listeners(LoadBalancerArn=alb_arn)["Listeners"]] == [listener_arn])
check("a missing listener is ListenerNotFound", error_code(elb.describe_listeners, ListenerArns=[listener_arn[:-4] + "0000"]) == "ListenerNotFound")
check("listener attributes answer", any(a["Key"] == "routing.http.response.server.enabled" for a in elb.describe_listener_attributes(ListenerArn=listener_arn)["Attributes"]))
check("the target group now names its load balancer", elb.describe_target_groups(TargetGroupArns=[tg_arn])["TargetGroups"][0]["LoadBalancerArns"] == [alb_arn])
check("describe_target_groups by load balancer finds it", [g["TargetGroupArn"] for g in elb.describe_target_groups(LoadBalancerArn=alb_arn)["TargetGroups"]] == [tg_arn])
health = elb.describe_target_health(TargetGroupArn=tg_arn)["TargetHealthDescriptions"]
check("a running instance behind a listener is healthy", health[0]["TargetHealth"] == {"State": "healthy"} and health[0]["HealthCheckPort"] == "8080")
zone_b_instance = ec2.run_instances(ImageId=ami, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=subnet_b)["Instances"][0]["InstanceId"]
elb.register_targets(TargetGroupArn=tg_arn, Targets=[{"Id": zone_b_instance}])
health = elb.describe_target_health(TargetGroupArn=tg_arn, Targets=[{"Id": zone_b_instance}])["TargetHealthDescriptions"][0]["TargetHealth"]
check("an instance in a zone the ALB no longer has is unused / Target.NotInUse",
      health["State"] == "unused" and health["Reason"] == "Target.NotInUse" and "Availability Zone" in health["Description"])
elb.deregister_targets(TargetGroupArn=tg_arn, Targets=[{"Id": zone_b_instance}])
ec2.terminate_instances(InstanceIds=[zone_b_instance])
elb.get_waiter("target_in_service").wait(TargetGroupArn=tg_arn, Targets=[{"Id": instance}], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
check("the target_in_service waiter passes", True)
check("deleting a group a listener uses is ResourceInUse", error_code(elb.delete_target_group, TargetGroupArn=tg_arn) == "ResourceInUse")
check("an NLB listener cannot forward to an HTTP group",
      error_code(elb.create_listener, LoadBalancerArn=nlb_arn, Protocol="TCP", Port=443, DefaultActions=[{"Type": "forward", "TargetGroupArn": tg_arn}])
      in ("InvalidConfigurationRequest", "TargetGroupAssociationLimit"))
nlb_listener = elb.create_listener(LoadBalancerArn=nlb_arn, Protocol="TCP", Port=443, DefaultActions=[{"Type": "forward", "TargetGroupArn": ip_tg}])["Listeners"][0]
check("an NLB TCP listener forwards to a TCP group", ":listener/net/tcp/" in nlb_listener["ListenerArn"])
moved_listener = elb.modify_listener(ListenerArn=listener_arn, Port=8081)["Listeners"][0]
check("modify_listener changes the port", moved_listener["Port"] == 8081 and moved_listener["DefaultActions"][0]["TargetGroupArn"] == tg_arn)
elb.deregister_targets(TargetGroupArn=tg_arn, Targets=[{"Id": instance}])
health = elb.describe_target_health(TargetGroupArn=tg_arn, Targets=[{"Id": instance}])["TargetHealthDescriptions"]
check("a deregistered target is unused / Target.NotRegistered", health[0]["TargetHealth"]["Reason"] == "Target.NotRegistered")
check("deregistering it again is InvalidTarget", error_code(elb.deregister_targets, TargetGroupArn=tg_arn, Targets=[{"Id": instance}]) == "InvalidTarget")

# --- tags ------------------------------------------------------------------------------------------------------------
elb.add_tags(ResourceArns=[alb_arn, tg_arn], Tags=[{"Key": "env", "Value": "test"}])
tags = {d["ResourceArn"]: {t["Key"]: t["Value"] for t in d["Tags"]} for d in elb.describe_tags(ResourceArns=[alb_arn, tg_arn])["TagDescriptions"]}
check("tags are added to load balancers and target groups", tags == {alb_arn: {"team": "web", "env": "test"}, tg_arn: {"env": "test"}})
elb.remove_tags(ResourceArns=[alb_arn], TagKeys=["team"])
check("remove_tags removes by key", elb.describe_tags(ResourceArns=[alb_arn])["TagDescriptions"][0]["Tags"] == [{"Key": "env", "Value": "test"}])
check("tags of a missing load balancer are LoadBalancerNotFound",
      error_code(elb.describe_tags, ResourceArns=[alb_arn.replace("/web/", "/nope/")]) == "LoadBalancerNotFound")
check("duplicate tag keys are DuplicateTagKeys",
      error_code(elb.add_tags, ResourceArns=[alb_arn], Tags=[{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]) == "DuplicateTagKeys")

# --- the AWS CLI -----------------------------------------------------------------------------------------------------
cli = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", REGION, "--output", "json", "elbv2", "describe-load-balancers", "--names", "web"],
                     env={**os.environ, "AWS_ACCESS_KEY_ID": account, "AWS_SECRET_ACCESS_KEY": "secret"}, capture_output=True, text=True)
check("the AWS CLI describes the ALB",
      cli.returncode == 0 and json.loads(cli.stdout)["LoadBalancers"][0]["LoadBalancerArn"] == alb_arn)

# --- another account -------------------------------------------------------------------------------------------------
other_account = f"{(int(account) + 1) % 10**12:012d}"
stranger_elb = boto3.Session(aws_access_key_id=other_account, aws_secret_access_key="secret", region_name=REGION).client("elbv2", config=config)
check("another account sees no load balancers", stranger_elb.describe_load_balancers()["LoadBalancers"] == [])
check("another account gets LoadBalancerNotFound for the ARN", error_code(stranger_elb.describe_load_balancers, LoadBalancerArns=[alb_arn]) == "LoadBalancerNotFound")
check("another account cannot delete the listener", error_code(stranger_elb.delete_listener, ListenerArn=listener_arn) == "ListenerNotFound")

# --- deleting --------------------------------------------------------------------------------------------------------
elb.delete_listener(ListenerArn=listener_arn)
check("a deleted listener is ListenerNotFound", error_code(elb.describe_listeners, ListenerArns=[listener_arn]) == "ListenerNotFound")
elb.delete_target_group(TargetGroupArn=tg_arn)
check("a deleted target group is TargetGroupNotFound", error_code(elb.describe_target_groups, TargetGroupArns=[tg_arn]) == "TargetGroupNotFound")
for arn in (alb_arn, internal["LoadBalancerArn"], nlb_arn, gwlb["LoadBalancerArn"]):
    elb.delete_load_balancer(LoadBalancerArn=arn)
elb.get_waiter("load_balancers_deleted").wait(LoadBalancerArns=[alb_arn], WaiterConfig={"Delay": 1, "MaxAttempts": 3})
check("the load_balancers_deleted waiter passes", True)
check("deleting a load balancer twice succeeds", error_code(elb.delete_load_balancer, LoadBalancerArn=alb_arn) is None)
check("the load balancers' interfaces are gone",
      [n for n in ec2.describe_network_interfaces(Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkInterfaces"] if n.get("RequesterId") == "amazon-elb"] == [])
check("the NLB's listener went with it", error_code(elb.describe_listeners, ListenerArns=[nlb_listener["ListenerArn"]]) == "ListenerNotFound")
check("the group can be deleted once the load balancer is gone", error_code(ec2.delete_security_group, GroupId=sg2) is None)
elb.delete_target_group(TargetGroupArn=ip_tg)
ec2.terminate_instances(InstanceIds=[instance, stranger])

print(f"elbv2: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

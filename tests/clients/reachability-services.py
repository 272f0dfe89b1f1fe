#!/usr/bin/env python3
"""Reachability between other services' resources, built with boto3 (EC2, ELB v2, RDS, Lambda) against a running
ControlPlane and asked through the REST API and the Reachability Analyzer API:

- Lambda -> RDS on 5432, allowed by a rule that references the function's security group;
- the ALB -> its target instance on 8080, and the internet -> the ALB on 443 followed through the listener to the target;
- the internet -> a publicly accessible RDS instance on 5432, denied, with the database's group named;
- Direct Connect: on-premises ranges kept in a managed prefix list that the database group admits, seen by who-can-reach;
- Global Accelerator: the accelerator's addresses as the only CIDR an ALB's group admits, allowed from there, denied elsewhere.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/reachability-services.py

Prints one line per check and "reachability-services: N passed, M failed"; exits non-zero when a check failed.
"""
import io
import json
import os
import sys
import time
import urllib.request
import uuid
import zipfile

import boto3
from botocore.config import Config

endpoint = os.environ.get("CONTROLPLANE_ENDPOINT", "http://localhost:4566")
os.environ["AWS_ENDPOINT_URL"] = endpoint
for variable in [v for v in os.environ if v.startswith("AWS_ENDPOINT_URL_") or v == "AWS_PROFILE"]:
    os.environ.pop(variable, None)
account = f"{uuid.uuid4().int % 10**12:012d}"
region = "us-east-1"
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
config = Config(retries={"max_attempts": 1})
ec2 = session.client("ec2", config=config)
elbv2 = session.client("elbv2", config=config)
rds = session.client("rds", config=config)
lam = session.client("lambda", config=config)

passed = failed = 0


def check(name, condition, detail=None):
    global passed, failed
    print(("ok   " if condition else "FAIL ") + name + ("" if condition or detail is None else f"\n     {detail}"))
    if condition:
        passed += 1
    else:
        failed += 1


def rest(path, body):
    request = urllib.request.Request(f"{endpoint}/api/v1/reachability/{path}", data=json.dumps(body).encode(), method="POST", headers={
        "content-type": "application/json", "X-ControlPlane-Account": account, "X-ControlPlane-Region": region})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def codes(analysis):
    return [e["code"] for e in analysis.get("explanations") or []]


# The network: two public subnets (internet gateway) and two private ones, in two zones.
vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
public_table = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
ec2.create_route(RouteTableId=public_table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
public, private = [], []
for i, zone in enumerate(["us-east-1a", "us-east-1b"]):
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.60.{i}.0/24", AvailabilityZone=zone)["Subnet"]["SubnetId"]
    ec2.associate_route_table(RouteTableId=public_table, SubnetId=subnet)
    public.append(subnet)
    private.append(ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.60.{10 + i}.0/24", AvailabilityZone=zone)["Subnet"]["SubnetId"])


def group(name, *permissions):
    group_id = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
    if permissions:
        ec2.authorize_security_group_ingress(GroupId=group_id, IpPermissions=list(permissions))
    return group_id


onprem = ec2.create_managed_prefix_list(PrefixListName="onprem-direct-connect", AddressFamily="IPv4", MaxEntries=5,
                                        Entries=[{"Cidr": "192.168.0.0/16", "Description": "data centre over Direct Connect"}])["PrefixList"]["PrefixListId"]
sg_alb = group("alb", {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]})
sg_app = group("app", {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": sg_alb}]})
sg_fn = group("fn")
sg_db = group("db", {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": sg_fn}]},
              {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "PrefixListIds": [{"PrefixListId": onprem}]})
accelerator_range = "75.2.0.0/16"  # the accelerator's two static addresses come from here
sg_ga = group("ga-endpoint", {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": accelerator_range}]})

image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
instance = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=private[0],
                             SecurityGroupIds=[sg_app])["Instances"][0]["InstanceId"]

alb = elbv2.create_load_balancer(Name="web", Subnets=public, SecurityGroups=[sg_alb], Scheme="internet-facing", Type="application")["LoadBalancers"][0]
target_group = elbv2.create_target_group(Name="app", Protocol="HTTP", Port=8080, VpcId=vpc, TargetType="instance")["TargetGroups"][0]["TargetGroupArn"]
elbv2.register_targets(TargetGroupArn=target_group, Targets=[{"Id": instance, "Port": 8080}])
elbv2.create_listener(LoadBalancerArn=alb["LoadBalancerArn"], Protocol="HTTP", Port=443,
                      DefaultActions=[{"Type": "forward", "TargetGroupArn": target_group}])
ga_alb = elbv2.create_load_balancer(Name="ga-endpoint", Subnets=public, SecurityGroups=[sg_ga], Scheme="internet-facing")["LoadBalancers"][0]

rds.create_db_subnet_group(DBSubnetGroupName="public-db", DBSubnetGroupDescription="db", SubnetIds=public)
db = rds.create_db_instance(DBInstanceIdentifier="orders", Engine="postgres", DBInstanceClass="db.t3.micro", MasterUsername="app",
                            MasterUserPassword="secret123", AllocatedStorage=20, DBSubnetGroupName="public-db",
                            VpcSecurityGroupIds=[sg_db], PubliclyAccessible=True)["DBInstance"]
db_arn = db["DBInstanceArn"]

package = io.BytesIO()
with zipfile.ZipFile(package, "w") as archive:
    archive.writestr("handler.py", "def handler(event, context):\n    return 'ok'\n")
function = lam.create_function(FunctionName="orders-api", Runtime="python3.12", Role=f"arn:aws:iam::{account}:role/orders-api",
                               Handler="handler.handler", Code={"ZipFile": package.getvalue()},
                               VpcConfig={"SubnetIds": private, "SecurityGroupIds": [sg_fn]})

# Lambda -> RDS on 5432, through the rule that references the function's group.
answer = rest("analyze", {"source": "orders-api", "destination": "orders", "protocol": "tcp", "port": 5432})["analysis"]
check("Lambda -> RDS on 5432 is reachable", answer["networkPathFound"] is True, answer)
admitting = [c["securityGroupRule"] for c in answer.get("forwardPath") or [] if c.get("securityGroupRule")]
check("... admitted by the db group's rule that references the function's group",
      any(r["securityGroupId"] == sg_db and r.get("referencedGroupId") == sg_fn for r in admitting), admitting)
answer = rest("analyze", {"source": function["FunctionArn"], "destination": db_arn, "protocol": "tcp", "port": 3306})["analysis"]
check("Lambda -> RDS on 3306 is blocked by the db group (ENI_SG_RULES_MISMATCH)", answer["networkPathFound"] is False
      and "ENI_SG_RULES_MISMATCH" in codes(answer), codes(answer))

# ALB -> instance on 8080; internet -> ALB on 443, followed to the target.
answer = rest("analyze", {"source": alb["LoadBalancerArn"], "destination": instance, "protocol": "tcp", "port": 8080})["analysis"]
check("ALB -> instance on 8080 is reachable", answer["networkPathFound"] is True, answer)
answer = rest("analyze", {"source": "internet", "destination": "web", "protocol": "tcp", "port": 443})["analysis"]
check("internet -> ALB on 443 is reachable", answer["networkPathFound"] is True, codes(answer))
components = [c["component"]["id"] for c in answer.get("forwardPath") or []]
check("... through the listener and target group to the instance's interface",
      target_group in components and answer.get("destinationInterfaceId") is not None
      and ec2.describe_network_interfaces(NetworkInterfaceIds=[answer["destinationInterfaceId"]])["NetworkInterfaces"][0]["Attachment"]["InstanceId"] == instance,
      components)
answer = rest("analyze", {"source": "internet", "destination": "web", "protocol": "tcp", "port": 80})["analysis"]
check("internet -> ALB on 80 (no listener) is ELB_LISTENERS_MISMATCH", "ELB_LISTENERS_MISMATCH" in codes(answer), codes(answer))

# Internet -> RDS on 5432: denied, with the blocking group named.
answer = rest("analyze", {"source": "internet", "destination": "orders", "protocol": "tcp", "port": 5432})["analysis"]
blocking = [e for e in answer.get("explanations") or [] if e["code"] == "ENI_SG_RULES_MISMATCH"]
check("internet -> RDS on 5432 is denied", answer["networkPathFound"] is False, answer)
check("... by the db group on the database's interface (ENI_SG_RULES_MISMATCH naming it)",
      blocking and [g["id"] for g in blocking[0]["securityGroups"]] == [sg_db], answer.get("explanations"))

# The Reachability Analyzer API takes the services' ARNs too.
path = ec2.create_network_insights_path(Source=function["FunctionArn"], Destination=db_arn, Protocol="tcp", DestinationPort=5432)["NetworkInsightsPath"]
analysis_id = ec2.start_network_insights_analysis(NetworkInsightsPathId=path["NetworkInsightsPathId"])["NetworkInsightsAnalysis"]["NetworkInsightsAnalysisId"]
for _ in range(20):
    analysis = ec2.describe_network_insights_analyses(NetworkInsightsAnalysisIds=[analysis_id])["NetworkInsightsAnalyses"][0]
    if analysis["Status"] != "running":
        break
    time.sleep(0.2)
check("create-network-insights-path with a function and a DB instance ARN finds the path",
      analysis["Status"] == "succeeded" and analysis["NetworkPathFound"] is True, analysis.get("Explanations"))

# Direct Connect: the on-premises ranges are a prefix list; who-can-reach shows them admitted by the rule naming it.
reach = rest("who-can-reach", {"target": "orders", "protocol": "tcp", "port": 5432})["answer"]
external = [s for s in reach.get("externalSources") or [] if s.get("prefixListId") == onprem]
check("Direct Connect: who-can-reach the database lists 192.168.0.0/16 from the on-premises prefix list",
      any(s["cidr"] == "192.168.0.0/16" and s["admitted"] for s in external), reach.get("externalSources"))
function_interfaces = {n["NetworkInterfaceId"] for n in ec2.describe_network_interfaces(
    Filters=[{"Name": "group-id", "Values": [sg_fn]}])["NetworkInterfaces"]}
check("... and the function's interfaces among the interfaces that reach it",
      function_interfaces and function_interfaces <= {i["networkInterfaceId"] for i in reach.get("interfaces") or []}, reach.get("interfaces"))

# Global Accelerator: its addresses are the only range the endpoint's group admits.
answer = rest("analyze", {"source": "75.2.60.5", "destination": "ga-endpoint", "protocol": "tcp", "port": 443})["analysis"]
check("Global Accelerator: an address of the accelerator's range reaches its ALB endpoint on 443", answer["networkPathFound"] is True, codes(answer))
answer = rest("analyze", {"source": "198.51.100.7", "destination": "ga-endpoint", "protocol": "tcp", "port": 443})["analysis"]
blocking = [e for e in answer.get("explanations") or [] if e["code"] == "ENI_SG_RULES_MISMATCH"]
check("... any other internet address is denied by the endpoint's group",
      answer["networkPathFound"] is False and blocking and [g["id"] for g in blocking[0]["securityGroups"]] == [sg_ga], codes(answer))

print(f"reachability-services: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

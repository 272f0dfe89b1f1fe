#!/usr/bin/env python3
"""Lambda functions in a VPC through boto3 (and the AWS CLI) against a running ControlPlane.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/lambda.py

Creates functions with a VpcConfig, checks the shared Hyperplane interfaces they get in EC2 (one per subnet and
group set), moves them to other groups and subnets, takes one out of the VPC, deletes them, and checks Lambda's
errors and account isolation. Prints one line per check, then "lambda: N passed, M failed"; exits non-zero on failure.
"""
import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import uuid
import zipfile

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ.get("CONTROLPLANE_ENDPOINT", "http://localhost:4566")
os.environ["AWS_ENDPOINT_URL"] = endpoint
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_LAMBDA"):
    os.environ.pop(variable, None)
region = "eu-west-1"
config = Config(retries={"max_attempts": 1})


def new_account():
    return f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id


account = new_account()
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
ec2 = session.client("ec2", config=config)
lam = session.client("lambda", config=config)

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


def package(source):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.py", source)
    return buffer.getvalue()


def lambda_interfaces(**filters):
    return ec2.describe_network_interfaces(Filters=[{"Name": "interface-type", "Values": ["lambda"]}] + [
        {"Name": k, "Values": v} for k, v in filters.items()])["NetworkInterfaces"]


role = f"arn:aws:iam::{account}:role/lambda-exec"
vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
subnet_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.1.0/24", AvailabilityZone=f"{region}a")["Subnet"]["SubnetId"]
subnet_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.2.0/24", AvailabilityZone=f"{region}b")["Subnet"]["SubnetId"]
app = ec2.create_security_group(GroupName="app", Description="functions", VpcId=vpc)["GroupId"]
db = ec2.create_security_group(GroupName="db-clients", Description="db clients", VpcId=vpc)["GroupId"]
other_vpc = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
other_subnet = ec2.create_subnet(VpcId=other_vpc, CidrBlock="10.61.1.0/24")["Subnet"]["SubnetId"]
other_group = ec2.create_security_group(GroupName="elsewhere", Description="other vpc", VpcId=other_vpc)["GroupId"]

code = package("def handler(event, context):\n    return 'hello'\n")
created = lam.create_function(
    FunctionName="orders", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": code},
    Timeout=10, MemorySize=256, Environment={"Variables": {"STAGE": "test"}}, Tags={"team": "payments"},
    VpcConfig={"SubnetIds": [subnet_a, subnet_b], "SecurityGroupIds": [app]})
arn = f"arn:aws:lambda:{region}:{account}:function:orders"
check("create answers the function ARN", created["FunctionArn"] == arn)
check("create answers State Pending", created["State"] == "Pending" and created["StateReasonCode"] == "Creating")
check("CodeSize and CodeSha256 are the package's", created["CodeSize"] == len(code)
      and created["CodeSha256"] == base64.b64encode(hashlib.sha256(code).digest()).decode())
check("create shows the VpcConfig with its VPC", created["VpcConfig"]["VpcId"] == vpc
      and created["VpcConfig"]["SubnetIds"] == [subnet_a, subnet_b] and created["VpcConfig"]["SecurityGroupIds"] == [app])
check("LastModified is in Lambda's format", created["LastModified"].endswith("+0000") and created["LastModified"][10] == "T")
lam.get_waiter("function_active_v2").wait(FunctionName="orders", WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("function_active_v2 waiter is satisfied", True)
got = lam.get_function(FunctionName="orders")
check("get_function shows Active and Successful", got["Configuration"]["State"] == "Active" and got["Configuration"]["LastUpdateStatus"] == "Successful")
check("get_function shows the code location and tags", got["Code"]["RepositoryType"] == "S3" and got["Tags"] == {"team": "payments"})
check("get_function_configuration by ARN", lam.get_function_configuration(FunctionName=arn)["FunctionName"] == "orders")
check("get_function_configuration by partial ARN", lam.get_function_configuration(FunctionName=f"{account}:function:orders")["FunctionArn"] == arn)
check("environment variables are kept", got["Configuration"]["Environment"]["Variables"] == {"STAGE": "test"})

enis = lambda_interfaces(**{"vpc-id": [vpc]})
check("one lambda interface per subnet", sorted(e["SubnetId"] for e in enis) == sorted([subnet_a, subnet_b]))
check("interfaces are InterfaceType lambda and not requester-managed",
      all(e["InterfaceType"] == "lambda" and e["RequesterManaged"] is False for e in enis))
check("interfaces have a RequesterId", all(e.get("RequesterId") for e in enis))
check("interfaces are described after the function", all(e["Description"] == "AWS Lambda VPC ENI-orders" for e in enis))
check("interfaces carry the function's group", all([g["GroupId"] for g in e["Groups"]] == [app] for e in enis))
check("interfaces show a Hyperplane attachment", all(e["Attachment"]["AttachmentId"].startswith("ela-attach-")
      and e["Attachment"]["InstanceOwnerId"] == "amazon-aws" and e["Attachment"]["DeviceIndex"] == 1 for e in enis))
check("terraform's description filter finds them", len(ec2.describe_network_interfaces(Filters=[
    {"Name": "description", "Values": ["AWS Lambda VPC ENI*"]}, {"Name": "group-id", "Values": [app]}])["NetworkInterfaces"]) == 2)

lam.create_function(FunctionName="invoices", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": code},
                    VpcConfig={"SubnetIds": [subnet_a], "SecurityGroupIds": [app]})
check("a second function with the same subnet and groups shares the interface", len(lambda_interfaces(**{"vpc-id": [vpc]})) == 2)

code, status, _ = error(ec2.delete_security_group, GroupId=app)
check("a group used by a function's interface cannot be deleted (DependencyViolation)", code == "DependencyViolation")

updated = lam.update_function_configuration(FunctionName="orders", VpcConfig={"SubnetIds": [subnet_a, subnet_b], "SecurityGroupIds": [db]})
check("update answers LastUpdateStatus InProgress", updated["LastUpdateStatus"] == "InProgress")
check("update changes the RevisionId", updated["RevisionId"] != got["Configuration"]["RevisionId"])
lam.get_waiter("function_updated_v2").wait(FunctionName="orders", WaiterConfig={"Delay": 1, "MaxAttempts": 5})
check("function_updated_v2 waiter is satisfied", True)
enis = lambda_interfaces(**{"vpc-id": [vpc]})
check("new groups: the function's interfaces carry them", sorted(e["SubnetId"] for e in enis if [g["GroupId"] for g in e["Groups"]] == [db])
      == sorted([subnet_a, subnet_b]))
check("the old group's interface stays while another function uses it", [e["SubnetId"] for e in enis if [g["GroupId"] for g in e["Groups"]] == [app]] == [subnet_a])

lam.update_function_configuration(FunctionName="invoices", VpcConfig={"SubnetIds": [], "SecurityGroupIds": []})
invoices = lam.get_function_configuration(FunctionName="invoices")
check("an empty VpcConfig takes the function out of the VPC", not invoices.get("VpcConfig", {}).get("SubnetIds"))
check("an interface no function uses is deleted", all([g["GroupId"] for g in e["Groups"]] != [app] for e in lambda_interfaces(**{"vpc-id": [vpc]})))
ec2.delete_security_group(GroupId=app)
check("then its group can be deleted", True)

stale = error(lam.update_function_configuration, FunctionName="orders", Timeout=20, RevisionId=got["Configuration"]["RevisionId"])
check("a stale RevisionId is PreconditionFailedException", stale[0] == "PreconditionFailedException" and stale[1] == 412)
new_code = package("def handler(event, context):\n    return 'v2'\n")
after = lam.update_function_code(FunctionName="orders", ZipFile=new_code)
check("update_function_code measures the new package", after["CodeSha256"] == base64.b64encode(hashlib.sha256(new_code).digest()).decode())

lam.tag_resource(Resource=arn, Tags={"env": "test"})
lam.untag_resource(Resource=arn, TagKeys=["team"])
check("tag_resource and untag_resource change list_tags", lam.list_tags(Resource=arn)["Tags"] == {"env": "test"})
check("list_versions_by_function lists $LATEST", [v["Version"] for v in lam.list_versions_by_function(FunctionName="orders")["Versions"]] == ["$LATEST"])
check("get_function_code_signing_config answers none", lam.get_function_code_signing_config(FunctionName="orders")["FunctionName"] == "orders")

for i in range(3):
    lam.create_function(FunctionName=f"page-{i}", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": new_code})
pages = list(lam.get_paginator("list_functions").paginate(PaginationConfig={"PageSize": 2}))
names = [f["FunctionName"] for p in pages for f in p["Functions"]]
check("list_functions paginates with Marker/MaxItems", [len(p["Functions"]) for p in pages] == [2, 2, 1] and sorted(names) == sorted(
    ["orders", "invoices", "page-0", "page-1", "page-2"]))

# Errors.
code, status, message = error(lam.get_function, FunctionName="missing")
check("a missing function is ResourceNotFoundException (404)", code == "ResourceNotFoundException" and status == 404
      and message == f"Function not found: arn:aws:lambda:{region}:{account}:function:missing")
code, status, _ = error(lam.create_function, FunctionName="orders", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": new_code})
check("a duplicate name is ResourceConflictException (409)", code == "ResourceConflictException" and status == 409)
code, status, message = error(lam.create_function, FunctionName="bad-subnet", Runtime="python3.12", Role=role, Handler="index.handler",
                              Code={"ZipFile": new_code}, VpcConfig={"SubnetIds": ["subnet-0123456789abcdef0"], "SecurityGroupIds": [db]})
check("a missing subnet is InvalidParameterValueException", code == "InvalidParameterValueException" and status == 400 and "InvalidSubnetID.NotFound" in message)
code, _, message = error(lam.create_function, FunctionName="bad-group", Runtime="python3.12", Role=role, Handler="index.handler",
                         Code={"ZipFile": new_code}, VpcConfig={"SubnetIds": [subnet_a], "SecurityGroupIds": ["sg-0123456789abcdef0"]})
check("a missing group is InvalidParameterValueException", code == "InvalidParameterValueException" and "InvalidGroup.NotFound" in message)
code, _, _ = error(lam.create_function, FunctionName="cross-vpc", Runtime="python3.12", Role=role, Handler="index.handler",
                   Code={"ZipFile": new_code}, VpcConfig={"SubnetIds": [subnet_a], "SecurityGroupIds": [other_group]})
check("a group of another VPC than the subnets is InvalidParameterValueException", code == "InvalidParameterValueException")
code, _, _ = error(lam.create_function, FunctionName="split-vpc", Runtime="python3.12", Role=role, Handler="index.handler",
                   Code={"ZipFile": new_code}, VpcConfig={"SubnetIds": [subnet_a, other_subnet], "SecurityGroupIds": [db]})
check("subnets of different VPCs are InvalidParameterValueException", code == "InvalidParameterValueException")
code, _, _ = error(lam.create_function, FunctionName="no-groups", Runtime="python3.12", Role=role, Handler="index.handler",
                   Code={"ZipFile": new_code}, VpcConfig={"SubnetIds": [subnet_a], "SecurityGroupIds": []})
check("subnets without groups are InvalidParameterValueException", code == "InvalidParameterValueException")
code, _, _ = error(lam.create_function, FunctionName="bad-role", Runtime="python3.12", Role="not-a-role", Handler="index.handler", Code={"ZipFile": new_code})
check("a malformed role is ValidationException", code == "ValidationException")
code, _, _ = error(lam.create_function, FunctionName="bad-zip", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": b"not a zip"})
check("a package that is not a .zip is InvalidParameterValueException", code == "InvalidParameterValueException")
check("failed creates left no function or interface", "bad-subnet" not in [f["FunctionName"] for f in lam.list_functions()["Functions"]]
      and len(lambda_interfaces(**{"vpc-id": [vpc]})) == 2)
code, _, _ = error(lam.update_function_configuration, FunctionName="orders", VpcConfig={"SubnetIds": [other_subnet], "SecurityGroupIds": [db]})
check("moving to a group of another VPC is refused", code == "InvalidParameterValueException")

# Another account sees nothing.
stranger = boto3.Session(aws_access_key_id=new_account(), aws_secret_access_key="secret", region_name=region).client("lambda", config=config)
check("another account does not list the functions", stranger.list_functions()["Functions"] == [])
check("another account cannot get the function by ARN", error(stranger.get_function, FunctionName=arn)[0] == "ResourceNotFoundException")

# The AWS CLI.
cli = subprocess.run(["aws", "--endpoint-url", endpoint, "--region", region, "--output", "json", "lambda", "get-function-configuration",
                      "--function-name", "orders"], capture_output=True, text=True,
                     env={**os.environ, "AWS_ACCESS_KEY_ID": account, "AWS_SECRET_ACCESS_KEY": "secret"})
check("the AWS CLI reads the function", cli.returncode == 0 and json.loads(cli.stdout)["VpcConfig"]["SecurityGroupIds"] == [db])

# Deleting.
lam.delete_function(FunctionName="orders")
check("delete_function removes the function", error(lam.get_function, FunctionName="orders")[0] == "ResourceNotFoundException")
check("deleting the last user removes its interfaces", lambda_interfaces(**{"vpc-id": [vpc]}) == [])
ec2.delete_security_group(GroupId=db)
check("then the group can be deleted", True)
for name in ["invoices", "page-0", "page-1", "page-2"]:
    lam.delete_function(FunctionName=name)
check("every function is gone", lam.list_functions()["Functions"] == [])

print(f"lambda: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

#!/usr/bin/env python3
"""RDS, DocumentDB and Neptune (one API family, signed as rds) against a running ControlPlane, with boto3 and the AWS CLI.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/rds.py

Creates DB subnet groups, instances and clusters, and checks the interfaces they place in the VPC as EC2 shows them,
security group changes reaching those interfaces, DependencyViolation on a group in use, the RDS errors, waiters and
account isolation. Prints one line per check, then "rds: N passed, M failed"; exits non-zero when a check failed.
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
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_RDS", "AWS_ENDPOINT_URL_DOCDB", "AWS_ENDPOINT_URL_NEPTUNE"):
    os.environ.pop(variable, None)
region = "eu-west-1"
account = f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=region)
config = Config(retries={"max_attempts": 1})
ec2 = session.client("ec2", config=config)
rds = session.client("rds", config=config)
docdb = session.client("docdb", config=config)
neptune = session.client("neptune", config=config)
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


def interfaces_of(description=None, **filters):
    found = ec2.describe_network_interfaces(Filters=[{"Name": k, "Values": v} for k, v in filters.items()])["NetworkInterfaces"]
    return [n for n in found if description is None or n["Description"] == description]


def rds_interfaces(vpc_id):
    return interfaces_of("RDSNetworkInterface", **{"vpc-id": [vpc_id]})


def group_ids(eni):
    return sorted(g["GroupId"] for g in eni["Groups"])


# --- the network -------------------------------------------------------------------------------------------------
zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]]
vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
other_vpc = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.60.{i}.0/24", AvailabilityZone=zones[i])["Subnet"]["SubnetId"] for i in range(3)]
same_zone = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.10.0/24", AvailabilityZone=zones[0])["Subnet"]["SubnetId"]
other_subnets = [ec2.create_subnet(VpcId=other_vpc, CidrBlock=f"10.61.{i}.0/24", AvailabilityZone=zones[i])["Subnet"]["SubnetId"] for i in range(2)]
app = ec2.create_security_group(GroupName="app", Description="app", VpcId=vpc)["GroupId"]
db_group = ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc)["GroupId"]
db_group2 = ec2.create_security_group(GroupName="db2", Description="db2", VpcId=vpc)["GroupId"]
stranger = ec2.create_security_group(GroupName="stranger", Description="other vpc", VpcId=other_vpc)["GroupId"]
ec2.authorize_security_group_ingress(GroupId=db_group, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": app}]}])
vpc_default_group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]

# --- DB subnet groups --------------------------------------------------------------------------------------------
created = rds.create_db_subnet_group(DBSubnetGroupName="Main-Group", DBSubnetGroupDescription="main", SubnetIds=subnets,
                                     Tags=[{"Key": "team", "Value": "data"}])["DBSubnetGroup"]
check("a subnet group's name is lower-cased", created["DBSubnetGroupName"] == "main-group")
check("a subnet group's ARN is arn:aws:rds:<region>:<account>:subgrp:<name>",
      created["DBSubnetGroupArn"] == f"arn:aws:rds:{region}:{account}:subgrp:main-group")
check("a subnet group lists its subnets with their zones", created["VpcId"] == vpc and sorted(
    (s["SubnetIdentifier"], s["SubnetAvailabilityZone"]["Name"]) for s in created["Subnets"]) == sorted(zip(subnets, zones[:3])))
groups = rds.describe_db_subnet_groups()["DBSubnetGroups"]
check("describe lists the default VPC's default subnet group too", sorted(g["DBSubnetGroupName"] for g in groups) == ["default", "main-group"])
check("a missing subnet is InvalidSubnet", error_code(rds.create_db_subnet_group, DBSubnetGroupName="bad", DBSubnetGroupDescription="x",
                                                       SubnetIds=[subnets[0], "subnet-0123456789abcdef0"]) == "InvalidSubnet")
check("subnets of two VPCs are InvalidSubnet", error_code(rds.create_db_subnet_group, DBSubnetGroupName="bad", DBSubnetGroupDescription="x",
                                                          SubnetIds=[subnets[0], other_subnets[1]]) == "InvalidSubnet")
check("subnets in one zone are DBSubnetGroupDoesNotCoverEnoughAZs", error_code(
    rds.create_db_subnet_group, DBSubnetGroupName="bad", DBSubnetGroupDescription="x", SubnetIds=[subnets[0], same_zone]) == "DBSubnetGroupDoesNotCoverEnoughAZs")
check("a duplicate subnet group is DBSubnetGroupAlreadyExists", error_code(
    rds.create_db_subnet_group, DBSubnetGroupName="main-group", DBSubnetGroupDescription="x", SubnetIds=subnets) == "DBSubnetGroupAlreadyExists")
check("a missing subnet group is DBSubnetGroupNotFoundFault", error_code(rds.describe_db_subnet_groups, DBSubnetGroupName="nope") == "DBSubnetGroupNotFoundFault")
rds.create_db_subnet_group(DBSubnetGroupName="other", DBSubnetGroupDescription="other vpc", SubnetIds=other_subnets)

# --- a Multi-AZ, publicly accessible PostgreSQL instance ----------------------------------------------------------
answer = rds.create_db_instance(DBInstanceIdentifier="Orders", Engine="postgres", DBInstanceClass="db.t3.micro", AllocatedStorage=20,
                                MasterUsername="admin1", MasterUserPassword="secret123", DBSubnetGroupName="main-group",
                                VpcSecurityGroupIds=[db_group], MultiAZ=True, PubliclyAccessible=True,
                                Tags=[{"Key": "env", "Value": "test"}])["DBInstance"]
check("create answers creating", answer["DBInstanceStatus"] == "creating")
check("the identifier is lower-cased", answer["DBInstanceIdentifier"] == "orders")
check("the instance ARN is arn:aws:rds:<region>:<account>:db:<id>", answer["DBInstanceArn"] == f"arn:aws:rds:{region}:{account}:db:orders")
check("the endpoint is <id>.<12 chars>.<region>.rds.amazonaws.com:5432",
      re.fullmatch(rf"orders\.[a-z0-9]{{12}}\.{region}\.rds\.amazonaws\.com", answer["Endpoint"]["Address"]) is not None
      and answer["Endpoint"]["Port"] == 5432 and answer["Endpoint"]["HostedZoneId"].startswith("Z"))
check("DbiResourceId is db-<26 characters>", re.fullmatch(r"db-[A-Z0-9]{26}", answer["DbiResourceId"]) is not None)
rds.get_waiter("db_instance_available").wait(DBInstanceIdentifier="orders", WaiterConfig=fast)
check("the db_instance_available waiter is satisfied", True)
orders = rds.describe_db_instances(DBInstanceIdentifier="orders")["DBInstances"][0]
check("describe shows available", orders["DBInstanceStatus"] == "available")
check("describe shows the groups as active memberships", orders["VpcSecurityGroups"] == [{"VpcSecurityGroupId": db_group, "Status": "active"}])
check("describe shows the subnet group with its subnets", orders["DBSubnetGroup"]["DBSubnetGroupName"] == "main-group" and len(orders["DBSubnetGroup"]["Subnets"]) == 3)
check("a Multi-AZ instance has a standby zone", orders["MultiAZ"] and orders["SecondaryAvailabilityZone"] not in (None, orders["AvailabilityZone"]))
check("describe shows the tags", orders["TagList"] == [{"Key": "env", "Value": "test"}])

enis = rds_interfaces(vpc)
check("a Multi-AZ instance has two interfaces, in its two zones", len(enis) == 2 and sorted(e["AvailabilityZone"] for e in enis) == sorted(
    [orders["AvailabilityZone"], orders["SecondaryAvailabilityZone"]]))
check("the interfaces are requester-managed 'interface' ones of amazon-rds", all(
    e["InterfaceType"] == "interface" and e["RequesterManaged"] and e["RequesterId"] == "amazon-rds" for e in enis))
check("the interfaces are attached as eni-attach-… owned by amazon-rds at device index 1, kept on termination", all(
    e["Attachment"]["AttachmentId"].startswith("eni-attach-") and e["Attachment"]["InstanceOwnerId"] == "amazon-rds"
    and e["Attachment"]["DeviceIndex"] == 1 and e["Attachment"]["DeleteOnTermination"] is False and e["Status"] == "in-use" for e in enis))
check("the interfaces carry the instance's group", all(group_ids(e) == [db_group] for e in enis))
check("a publicly accessible instance's interfaces have a public IP owned by amazon-rds", all(
    e.get("Association", {}).get("IpOwnerId") == "amazon-rds" and e["Association"].get("PublicIp") for e in enis))
check("the interfaces are in the subnet group's subnets", all(e["SubnetId"] in subnets for e in enis))

# --- errors of CreateDBInstance -----------------------------------------------------------------------------------
check("a duplicate instance is DBInstanceAlreadyExists", error_code(
    rds.create_db_instance, DBInstanceIdentifier="orders", Engine="postgres", DBInstanceClass="db.t3.micro", AllocatedStorage=20) == "DBInstanceAlreadyExists")
check("a missing security group is InvalidParameterValue", error_code(
    rds.create_db_instance, DBInstanceIdentifier="bad1", Engine="postgres", DBInstanceClass="db.t3.micro", AllocatedStorage=20,
    DBSubnetGroupName="main-group", VpcSecurityGroupIds=["sg-0123456789abcdef0"]) == "InvalidParameterValue")
check("a group of another VPC is InvalidParameterCombination", error_code(
    rds.create_db_instance, DBInstanceIdentifier="bad2", Engine="postgres", DBInstanceClass="db.t3.micro", AllocatedStorage=20,
    DBSubnetGroupName="main-group", VpcSecurityGroupIds=[stranger]) == "InvalidParameterCombination")
check("a missing subnet group is DBSubnetGroupNotFoundFault", error_code(
    rds.create_db_instance, DBInstanceIdentifier="bad3", Engine="postgres", DBInstanceClass="db.t3.micro", AllocatedStorage=20,
    DBSubnetGroupName="nope") == "DBSubnetGroupNotFoundFault")
check("an invalid identifier is InvalidParameterValue", error_code(
    rds.create_db_instance, DBInstanceIdentifier="1-bad--id", Engine="postgres", DBInstanceClass="db.t3.micro") == "InvalidParameterValue")
check("an unknown engine is InvalidParameterValue", error_code(
    rds.create_db_instance, DBInstanceIdentifier="bad4", Engine="nosql", DBInstanceClass="db.t3.micro") == "InvalidParameterValue")
check("an availability zone with Multi-AZ is InvalidParameterCombination", error_code(
    rds.create_db_instance, DBInstanceIdentifier="bad5", Engine="mysql", DBInstanceClass="db.t3.micro", MultiAZ=True, AvailabilityZone=zones[0]) == "InvalidParameterCombination")
check("the failed creates left no instance and no interface", [i["DBInstanceIdentifier"] for i in rds.describe_db_instances()["DBInstances"]] == ["orders"]
      and len(rds_interfaces(vpc)) == 2)
check("a missing instance is DBInstanceNotFound", error_code(rds.describe_db_instances, DBInstanceIdentifier="nope") == "DBInstanceNotFound")
check("MaxRecords below 20 is InvalidParameterValue", error_code(rds.describe_db_instances, MaxRecords=5) == "InvalidParameterValue")
check("an unknown filter is InvalidParameterValue", error_code(rds.describe_db_instances, Filters=[{"Name": "nope", "Values": ["x"]}]) == "InvalidParameterValue")
check("the engine filter finds the instance", [i["DBInstanceIdentifier"] for i in rds.describe_db_instances(
    Filters=[{"Name": "engine", "Values": ["postgres"]}])["DBInstances"]] == ["orders"])
check("the dbi-resource-id filter finds the instance (Terraform reads by it)", [i["DBInstanceIdentifier"] for i in rds.describe_db_instances(
    Filters=[{"Name": "dbi-resource-id", "Values": [answer["DbiResourceId"]]}])["DBInstances"]] == ["orders"])

# --- group changes reach the interfaces ---------------------------------------------------------------------------
modified = rds.modify_db_instance(DBInstanceIdentifier="orders", VpcSecurityGroupIds=[db_group2, db_group], ApplyImmediately=True)["DBInstance"]
check("modify answers the new groups", sorted(g["VpcSecurityGroupId"] for g in modified["VpcSecurityGroups"]) == sorted([db_group, db_group2]))
check("modify changes the groups of every interface", all(group_ids(e) == sorted([db_group, db_group2]) for e in rds_interfaces(vpc)))
rds.modify_db_instance(DBInstanceIdentifier="orders", VpcSecurityGroupIds=[db_group2], ApplyImmediately=True)
check("a group taken off is off every interface", all(group_ids(e) == [db_group2] for e in rds_interfaces(vpc)))
check("modify to a group of another VPC is InvalidParameterCombination", error_code(
    rds.modify_db_instance, DBInstanceIdentifier="orders", VpcSecurityGroupIds=[stranger]) == "InvalidParameterCombination")
rds.modify_db_instance(DBInstanceIdentifier="orders", PubliclyAccessible=False, ApplyImmediately=True)
check("making the instance private takes the public IPs away", all("Association" not in e for e in rds_interfaces(vpc)))
check("a group in use by the instance cannot be deleted (DependencyViolation)", error_code(ec2.delete_security_group, GroupId=db_group2) == "DependencyViolation")
check("a subnet group in use cannot be deleted", error_code(rds.delete_db_subnet_group, DBSubnetGroupName="main-group") == "InvalidDBSubnetGroupStateFault")
in_use = rds_interfaces(vpc)[0]["SubnetId"]
check("a subnet in use cannot leave the subnet group", error_code(
    rds.modify_db_subnet_group, DBSubnetGroupName="main-group", SubnetIds=[s for s in subnets + [same_zone] if s != in_use]) == "SubnetAlreadyInUse")
grown = rds.modify_db_subnet_group(DBSubnetGroupName="main-group", SubnetIds=subnets + [same_zone])["DBSubnetGroup"]
check("a subnet group can grow", len(grown["Subnets"]) == 4)

# --- tags ---------------------------------------------------------------------------------------------------------
arn = orders["DBInstanceArn"]
rds.add_tags_to_resource(ResourceName=arn, Tags=[{"Key": "owner", "Value": "me"}, {"Key": "env", "Value": "prod"}])
check("tags are added and overwritten by key", rds.list_tags_for_resource(ResourceName=arn)["TagList"] == [
    {"Key": "env", "Value": "prod"}, {"Key": "owner", "Value": "me"}])
rds.remove_tags_from_resource(ResourceName=arn, TagKeys=["env"])
check("tags are removed by key", rds.list_tags_for_resource(ResourceName=arn)["TagList"] == [{"Key": "owner", "Value": "me"}])
check("the subnet group's tags are listed by its ARN", rds.list_tags_for_resource(ResourceName=created["DBSubnetGroupArn"])["TagList"] == [
    {"Key": "team", "Value": "data"}])
check("tags of a missing instance are DBInstanceNotFound", error_code(
    rds.list_tags_for_resource, ResourceName=f"arn:aws:rds:{region}:{account}:db:nope") == "DBInstanceNotFound")

# --- another account sees nothing ----------------------------------------------------------------------------------
stranger_account = f"{(int(account) + 1) % 10**12:012d}"
other_rds = boto3.Session(aws_access_key_id=stranger_account, aws_secret_access_key="secret", region_name=region).client("rds", config=config)
check("another account does not see the instance", other_rds.describe_db_instances()["DBInstances"] == []
      and error_code(other_rds.describe_db_instances, DBInstanceIdentifier="orders") == "DBInstanceNotFound")
check("another account does not see the subnet group", error_code(other_rds.describe_db_subnet_groups, DBSubnetGroupName="main-group") == "DBSubnetGroupNotFoundFault")

# --- the AWS CLI ---------------------------------------------------------------------------------------------------
if shutil.which("aws"):
    cli_env = dict(os.environ, AWS_ACCESS_KEY_ID=account, AWS_SECRET_ACCESS_KEY="secret", AWS_DEFAULT_REGION=region)
    cli = subprocess.run(["aws", "--endpoint-url", endpoint, "rds", "describe-db-instances", "--db-instance-identifier", "orders", "--output", "json"],
                         capture_output=True, text=True, env=cli_env, check=False)
    check("the AWS CLI describes the instance", cli.returncode == 0 and json.loads(cli.stdout)["DBInstances"][0]["Endpoint"]["Port"] == 5432)
    cli = subprocess.run(["aws", "--endpoint-url", endpoint, "rds", "delete-db-instance", "--db-instance-identifier", "orders"],
                         capture_output=True, text=True, env=cli_env, check=False)
    check("the AWS CLI gets InvalidParameterCombination without a final snapshot choice", cli.returncode != 0 and "InvalidParameterCombination" in cli.stderr)

# --- delete --------------------------------------------------------------------------------------------------------
check("deleting without SkipFinalSnapshot or a snapshot name is InvalidParameterCombination",
      error_code(rds.delete_db_instance, DBInstanceIdentifier="orders") == "InvalidParameterCombination")
deleted = rds.delete_db_instance(DBInstanceIdentifier="orders", SkipFinalSnapshot=True)["DBInstance"]
check("delete answers deleting", deleted["DBInstanceStatus"] == "deleting")
rds.get_waiter("db_instance_deleted").wait(DBInstanceIdentifier="orders", WaiterConfig=fast)
check("the db_instance_deleted waiter is satisfied", True)
check("the instance's interfaces are gone", rds_interfaces(vpc) == [])
check("the group can be deleted once the instance is gone", error_code(ec2.delete_security_group, GroupId=db_group2) is None)
check("a deleted instance is DBInstanceNotFound", error_code(rds.delete_db_instance, DBInstanceIdentifier="orders", SkipFinalSnapshot=True) == "DBInstanceNotFound")

# --- defaults: the default VPC's subnet group and the VPC's default group ------------------------------------------
plain = rds.create_db_instance(DBInstanceIdentifier="plain", Engine="mysql", DBInstanceClass="db.t3.micro", AllocatedStorage=20)["DBInstance"]
default_vpc = plain["DBSubnetGroup"]["VpcId"]
default_vpc_group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [default_vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
check("no subnet group is the default one", plain["DBSubnetGroup"]["DBSubnetGroupName"] == "default")
check("no security group is the VPC's default group", [g["VpcSecurityGroupId"] for g in plain["VpcSecurityGroups"]] == [default_vpc_group])
check("mysql listens on 3306", plain["Endpoint"]["Port"] == 3306)
check("the instance has one interface, with the default group", [group_ids(e) for e in rds_interfaces(default_vpc)] == [[default_vpc_group]])
moved = rds.modify_db_instance(DBInstanceIdentifier="plain", DBSubnetGroupName="main-group", VpcSecurityGroupIds=[db_group], ApplyImmediately=True)["DBInstance"]
check("moving to another subnet group moves the instance to its VPC", moved["DBSubnetGroup"]["VpcId"] == vpc and rds_interfaces(default_vpc) == []
      and [group_ids(e) for e in rds_interfaces(vpc)] == [[db_group]])
rds.modify_db_instance(DBInstanceIdentifier="plain", MultiAZ=True, ApplyImmediately=True)
check("turning Multi-AZ on adds the standby's interface in another zone", len({e["AvailabilityZone"] for e in rds_interfaces(vpc)}) == 2)
rds.delete_db_instance(DBInstanceIdentifier="plain", SkipFinalSnapshot=True)

# --- Aurora: a cluster, its members, and a group change on the cluster ---------------------------------------------
cluster = rds.create_db_cluster(DBClusterIdentifier="ledger", Engine="aurora-postgresql", MasterUsername="admin1", MasterUserPassword="secret123",
                                DBSubnetGroupName="main-group", VpcSecurityGroupIds=[db_group])["DBCluster"]
check("an Aurora cluster's ARN is ...:cluster:<id>", cluster["DBClusterArn"] == f"arn:aws:rds:{region}:{account}:cluster:ledger")
check("the cluster endpoints are <id>.cluster-… and <id>.cluster-ro-…",
      re.fullmatch(rf"ledger\.cluster-[a-z0-9]{{12}}\.{region}\.rds\.amazonaws\.com", cluster["Endpoint"]) is not None
      and cluster["ReaderEndpoint"] == cluster["Endpoint"].replace(".cluster-", ".cluster-ro-") and cluster["Port"] == 5432)
check("an Aurora cluster has no interface of its own", rds_interfaces(vpc) == [])
for name in ("ledger-1", "ledger-2"):
    rds.create_db_instance(DBInstanceIdentifier=name, Engine="aurora-postgresql", DBInstanceClass="db.r6g.large", DBClusterIdentifier="ledger")
rds.get_waiter("db_instance_available").wait(Filters=[{"Name": "db-cluster-id", "Values": ["ledger"]}], WaiterConfig=fast)
described = rds.describe_db_clusters(DBClusterIdentifier="ledger")["DBClusters"][0]
check("describe shows the cluster available with its writer and reader", described["Status"] == "available" and [
    (m["DBInstanceIdentifier"], m["IsClusterWriter"]) for m in described["DBClusterMembers"]] == [("ledger-1", True), ("ledger-2", False)])
check("the db-cluster-id filter lists the members", sorted(i["DBInstanceIdentifier"] for i in rds.describe_db_instances(
    Filters=[{"Name": "db-cluster-id", "Values": ["ledger"]}])["DBInstances"]) == ["ledger-1", "ledger-2"])
enis = rds_interfaces(vpc)
check("each member has one interface with the cluster's group", len(enis) == 2 and all(group_ids(e) == [db_group] for e in enis))
check("a member's groups are set on the cluster (InvalidParameterCombination)", error_code(
    rds.modify_db_instance, DBInstanceIdentifier="ledger-1", VpcSecurityGroupIds=[app]) == "InvalidParameterCombination")
rds.modify_db_cluster(DBClusterIdentifier="ledger", VpcSecurityGroupIds=[vpc_default_group, db_group], ApplyImmediately=True)
check("ModifyDBCluster changes the groups of every member's interface", all(
    group_ids(e) == sorted([vpc_default_group, db_group]) for e in rds_interfaces(vpc)))
check("a cluster with instances cannot be deleted (InvalidDBClusterStateFault)", error_code(
    rds.delete_db_cluster, DBClusterIdentifier="ledger", SkipFinalSnapshot=True) == "InvalidDBClusterStateFault")
check("a missing cluster is DBClusterNotFoundFault", error_code(rds.describe_db_clusters, DBClusterIdentifier="nope") == "DBClusterNotFoundFault")
check("a duplicate cluster is DBClusterAlreadyExistsFault", error_code(
    rds.create_db_cluster, DBClusterIdentifier="ledger", Engine="aurora-postgresql", MasterUsername="a", MasterUserPassword="secret123") == "DBClusterAlreadyExistsFault")
check("an Aurora instance without a cluster is InvalidParameterCombination", error_code(
    rds.create_db_instance, DBInstanceIdentifier="lonely", Engine="aurora-mysql", DBInstanceClass="db.r6g.large") == "InvalidParameterCombination")
for name in ("ledger-1", "ledger-2"):
    rds.delete_db_instance(DBInstanceIdentifier=name)
rds.delete_db_cluster(DBClusterIdentifier="ledger", SkipFinalSnapshot=True)
check("the cluster and its members' interfaces are gone", rds.describe_db_clusters()["DBClusters"] == [] and rds_interfaces(vpc) == [])

# --- a Multi-AZ DB cluster creates its three instances ----------------------------------------------------------------
multi = rds.create_db_cluster(DBClusterIdentifier="trio", Engine="postgres", DBClusterInstanceClass="db.m5d.large", AllocatedStorage=100,
                              StorageType="io1", Iops=1000, MasterUsername="admin1", MasterUserPassword="secret123",
                              DBSubnetGroupName="main-group", VpcSecurityGroupIds=[db_group])["DBCluster"]
enis = rds_interfaces(vpc)
check("a Multi-AZ DB cluster has three instances, one interface each, in three zones", len(multi["DBClusterMembers"]) == 3 and len(enis) == 3
      and len({e["AvailabilityZone"] for e in enis}) == 3)
rds.delete_db_cluster(DBClusterIdentifier="trio", SkipFinalSnapshot=True)
check("deleting the Multi-AZ DB cluster removes its instances and interfaces", rds.describe_db_instances()["DBInstances"] == [] and rds_interfaces(vpc) == [])

# --- DocumentDB and Neptune through their own clients -------------------------------------------------------------
docs = docdb.create_db_cluster(DBClusterIdentifier="docs", Engine="docdb", MasterUsername="admin1", MasterUserPassword="secret123",
                               DBSubnetGroupName="main-group", VpcSecurityGroupIds=[db_group])["DBCluster"]
check("a DocumentDB cluster listens on 27017 at <id>.cluster-….docdb.amazonaws.com",
      docs["Port"] == 27017 and docs["Endpoint"].startswith("docs.cluster-") and docs["Endpoint"].endswith(f".{region}.docdb.amazonaws.com"))
docdb.create_db_instance(DBInstanceIdentifier="docs-1", DBInstanceClass="db.r5.large", Engine="docdb", DBClusterIdentifier="docs")
check("docdb lists its clusters with the engine filter", [c["DBClusterIdentifier"] for c in docdb.describe_db_clusters(
    Filters=[{"Name": "engine", "Values": ["docdb"]}])["DBClusters"]] == ["docs"])
graph = neptune.create_db_cluster(DBClusterIdentifier="graph", Engine="neptune", DBSubnetGroupName="main-group", VpcSecurityGroupIds=[db_group])["DBCluster"]
check("a Neptune cluster listens on 8182 at <id>.cluster-….neptune.amazonaws.com",
      graph["Port"] == 8182 and graph["Endpoint"].endswith(f".{region}.neptune.amazonaws.com"))
neptune.create_db_instance(DBInstanceIdentifier="graph-1", DBInstanceClass="db.r5.large", Engine="neptune", DBClusterIdentifier="graph")
check("neptune describes its instance available", neptune.describe_db_instances(DBInstanceIdentifier="graph-1")["DBInstances"][0]["DBInstanceStatus"] == "available")
enis = rds_interfaces(vpc)
check("DocumentDB and Neptune instances each place an amazon-rds interface with the cluster's group", len(enis) == 2 and all(
    e["RequesterId"] == "amazon-rds" and group_ids(e) == [db_group] for e in enis))
check("the group of a DocumentDB/Neptune member cannot be deleted", error_code(ec2.delete_security_group, GroupId=db_group) == "DependencyViolation")
docdb.delete_db_instance(DBInstanceIdentifier="docs-1")
docdb.delete_db_cluster(DBClusterIdentifier="docs", SkipFinalSnapshot=True)
neptune.delete_db_instance(DBInstanceIdentifier="graph-1")
neptune.delete_db_cluster(DBClusterIdentifier="graph", SkipFinalSnapshot=True)
check("DocumentDB and Neptune deletions remove the interfaces", rds_interfaces(vpc) == [])

# --- the subnet group goes last, then the groups ------------------------------------------------------------------
rds.delete_db_subnet_group(DBSubnetGroupName="main-group")
rds.delete_db_subnet_group(DBSubnetGroupName="other")
check("the subnet groups are deleted", [g["DBSubnetGroupName"] for g in rds.describe_db_subnet_groups()["DBSubnetGroups"]] == ["default"])
check("the database group can be deleted at last", error_code(ec2.delete_security_group, GroupId=db_group) is None)

print(f"rds: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

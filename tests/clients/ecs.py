#!/usr/bin/env python3
"""Amazon ECS (awsvpc tasks and services) through boto3 and the AWS CLI against a running ControlPlane.

    CONTROLPLANE_ENDPOINT=http://localhost:4566 python3 tests/clients/ecs.py

Creates clusters, task definitions, Fargate tasks and services in a fresh account, and checks the interfaces they place
in the VPC as EC2 shows them (reference §5: type, requester-managed flag, requester id, description, attachment,
groups), group changes, DependencyViolation while a task holds a group, the errors for bad subnets and groups,
boto3's waiters and paginators, and account isolation. Prints one line per check, then "ecs: N passed, M failed";
exits non-zero when a check failed.
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
for variable in ("AWS_PROFILE", "AWS_ENDPOINT_URL_EC2", "AWS_ENDPOINT_URL_ECS", "AWS_ENDPOINT_URL_STS"):
    os.environ.pop(variable, None)
REGION = "eu-west-1"
account = f"{uuid.uuid4().int % 10**12:012d}"  # a fresh account: a 12-digit access key is the account id
other_account = f"{(uuid.uuid4().int + 1) % 10**12:012d}"
config = Config(retries={"max_attempts": 1})
session = boto3.Session(aws_access_key_id=account, aws_secret_access_key="secret", region_name=REGION)
ec2 = session.client("ec2", config=config)
ecs = session.client("ecs", config=config)
other = boto3.Session(aws_access_key_id=other_account, aws_secret_access_key="secret", region_name=REGION)
other_ecs = other.client("ecs", config=config)
other_ec2 = other.client("ec2", config=config)
FAST = {"Delay": 1, "MaxAttempts": 5}

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


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["Error"]["Message"]
    return None, None


def interface(eni_id):
    return ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id])["NetworkInterfaces"][0]


def eni_of(task):
    details = {d["name"]: d["value"] for d in task["attachments"][0]["details"]}
    return details["networkInterfaceId"], details


def awsvpc(subnets, groups=None, public="DISABLED"):
    configuration = {"subnets": subnets, "assignPublicIp": public}
    if groups is not None:
        configuration["securityGroups"] = groups
    return {"awsvpcConfiguration": configuration}


# --- network -------------------------------------------------------------------------------------------------------
vpc = ec2.create_vpc(CidrBlock="10.60.0.0/16")["Vpc"]["VpcId"]
zones = [z["ZoneName"] for z in ec2.describe_availability_zones()["AvailabilityZones"]]
subnet_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.1.0/24", AvailabilityZone=zones[0])["Subnet"]["SubnetId"]
subnet_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.60.2.0/24", AvailabilityZone=zones[1])["Subnet"]["SubnetId"]
task_group = ec2.create_security_group(GroupName="ecs-task", Description="ecs task", VpcId=vpc)["GroupId"]
web_group = ec2.create_security_group(GroupName="ecs-web", Description="ecs web", VpcId=vpc)["GroupId"]
web_group2 = ec2.create_security_group(GroupName="ecs-web2", Description="ecs web 2", VpcId=vpc)["GroupId"]
default_group = ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])[
    "SecurityGroups"][0]["GroupId"]
other_vpc = ec2.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
other_subnet = ec2.create_subnet(VpcId=other_vpc, CidrBlock="10.61.1.0/24")["Subnet"]["SubnetId"]
other_group = ec2.create_security_group(GroupName="elsewhere", Description="other vpc", VpcId=other_vpc)["GroupId"]

# --- clusters ------------------------------------------------------------------------------------------------------
default = ecs.create_cluster()["cluster"]
check("create_cluster without a name creates 'default'", default["clusterName"] == "default"
      and default["clusterArn"] == f"arn:aws:ecs:{REGION}:{account}:cluster/default" and default["status"] == "ACTIVE")
cluster = ecs.create_cluster(clusterName="web", tags=[{"key": "team", "value": "net"}])["cluster"]
cluster_arn = cluster["clusterArn"]
check("create_cluster answers the ARN and ACTIVE", cluster_arn == f"arn:aws:ecs:{REGION}:{account}:cluster/web" and cluster["status"] == "ACTIVE")
check("create_cluster again answers the same cluster", ecs.create_cluster(clusterName="web")["cluster"]["clusterArn"] == cluster_arn)
described = ecs.describe_clusters(clusters=["web", "nope"], include=["TAGS"])
check("describe_clusters finds by name and shows tags", [c["clusterName"] for c in described["clusters"]] == ["web"]
      and described["clusters"][0]["tags"] == [{"key": "team", "value": "net"}])
check("describe_clusters reports an unknown cluster as MISSING",
      described["failures"] == [{"arn": f"arn:aws:ecs:{REGION}:{account}:cluster/nope", "reason": "MISSING"}])
check("describe_clusters with no name describes 'default'", ecs.describe_clusters()["clusters"][0]["clusterName"] == "default")
check("list_clusters lists both", sorted(ecs.list_clusters()["clusterArns"]) == sorted([default["clusterArn"], cluster_arn]))

# --- task definitions ----------------------------------------------------------------------------------------------
containers = [{"name": "app", "image": "nginx:1.27", "essential": True, "portMappings": [{"containerPort": 80, "protocol": "tcp"}],
               "environment": [{"name": "MODE", "value": "test"}]}]
first = ecs.register_task_definition(family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
                                     containerDefinitions=containers)["taskDefinition"]
check("register_task_definition answers revision 1 and its ARN", first["revision"] == 1
      and first["taskDefinitionArn"] == f"arn:aws:ecs:{REGION}:{account}:task-definition/web:1")
check("container definitions are stored as given", first["containerDefinitions"] == containers)
check("an awsvpc definition with cpu and memory is Fargate-compatible", first["compatibilities"] == ["EC2", "FARGATE"]
      and first["networkMode"] == "awsvpc" and first["cpu"] == "256" and first["memory"] == "512" and first["status"] == "ACTIVE")
second = ecs.register_task_definition(family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="512", memory="1024",
                                      containerDefinitions=containers)["taskDefinition"]
check("registering again gives revision 2", second["revision"] == 2)
check("describe_task_definition by family answers the latest revision",
      ecs.describe_task_definition(taskDefinition="web")["taskDefinition"]["revision"] == 2)
check("describe_task_definition by family:revision", ecs.describe_task_definition(taskDefinition="web:1")["taskDefinition"]["cpu"] == "256")
deregistered = ecs.deregister_task_definition(taskDefinition="web:2")["taskDefinition"]
check("deregister_task_definition marks the revision INACTIVE", deregistered["status"] == "INACTIVE")
check("the family then answers its latest ACTIVE revision", ecs.describe_task_definition(taskDefinition="web")["taskDefinition"]["revision"] == 1)
third = ecs.register_task_definition(family="web", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
                                     containerDefinitions=containers)["taskDefinition"]
check("revisions keep counting after a deregistration", third["revision"] == 3)
check("list_task_definitions lists ACTIVE revisions", ecs.list_task_definitions(familyPrefix="web")["taskDefinitionArns"]
      == [first["taskDefinitionArn"], third["taskDefinitionArn"]])
check("an unknown task definition is ClientException", error_code(ecs.describe_task_definition, taskDefinition="nope:1") == "ClientException")
check("Fargate without awsvpc is ClientException", error_code(
    ecs.register_task_definition, family="bad", networkMode="bridge", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
    containerDefinitions=containers) == "ClientException")
check("Fargate without task cpu is ClientException", error_code(
    ecs.register_task_definition, family="bad", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], memory="512",
    containerDefinitions=containers) == "ClientException")
bridge = ecs.register_task_definition(family="bridge", containerDefinitions=[{"name": "b", "image": "busybox", "memory": 128}])["taskDefinition"]

# --- RunTask -------------------------------------------------------------------------------------------------------
run = ecs.run_task(cluster="web", taskDefinition="web:1", launchType="FARGATE", count=1,
                   networkConfiguration=awsvpc([subnet_a], [task_group], "ENABLED"))
task = run["tasks"][0]
task_arn = task["taskArn"]
check("run_task answers one task and no failures", len(run["tasks"]) == 1 and run["failures"] == [])
check("the task ARN is task/<cluster>/<32 hex>", re.fullmatch(rf"arn:aws:ecs:{REGION}:{account}:task/web/[0-9a-f]{{32}}", task_arn) is not None)
ecs.get_waiter("tasks_running").wait(cluster="web", tasks=[task_arn], WaiterConfig=FAST)
check("tasks_running waiter is satisfied", True)
task = ecs.describe_tasks(cluster="web", tasks=[task_arn])["tasks"][0]
check("the task is RUNNING with desired status RUNNING", task["lastStatus"] == "RUNNING" and task["desiredStatus"] == "RUNNING")
attachment = task["attachments"][0]
eni_id, details = eni_of(task)
check("the task has an ATTACHED ElasticNetworkInterface attachment", attachment["type"] == "ElasticNetworkInterface"
      and attachment["status"] == "ATTACHED" and re.fullmatch(r"[0-9a-f-]{36}", attachment["id"]) is not None)
check("the attachment details name the subnet, interface, MAC, DNS name and address",
      [d["name"] for d in attachment["details"]] == ["subnetId", "networkInterfaceId", "macAddress", "privateDnsName", "privateIPv4Address"]
      and details["subnetId"] == subnet_a and details["privateIPv4Address"].startswith("10.60.1.")
      and details["privateDnsName"] == f"ip-{details['privateIPv4Address'].replace('.', '-')}.{REGION}.compute.internal")
check("the task's availability zone is its subnet's", task["availabilityZone"] == zones[0])
eni = interface(eni_id)
check("the task interface is type interface, requester-managed by ECS", eni["InterfaceType"] == "interface" and eni["RequesterManaged"] is True
      and eni["RequesterId"] == "578734482556")
check("the interface description is the attachment ARN", eni["Description"] == f"arn:aws:ecs:{REGION}:{account}:attachment/{attachment['id']}")
check("the interface is attached as Fargate attaches it", eni["Attachment"]["AttachmentId"].startswith("eni-attach-")
      and eni["Attachment"]["InstanceOwnerId"] == "501673713797" and eni["Attachment"]["DeviceIndex"] == 1
      and eni["Attachment"]["DeleteOnTermination"] is False and eni["Status"] == "in-use")
check("the interface carries the task's group and address", [g["GroupId"] for g in eni["Groups"]] == [task_group]
      and eni["PrivateIpAddress"] == details["privateIPv4Address"] and eni["MacAddress"] == details["macAddress"])
check("assignPublicIp ENABLED gives the interface a public address", eni.get("Association", {}).get("PublicIp") is not None)
found = ec2.describe_network_interfaces(Filters=[{"Name": "requester-id", "Values": ["578734482556"]}, {"Name": "vpc-id", "Values": [vpc]}])
check("describe_network_interfaces filters find it by requester id", [n["NetworkInterfaceId"] for n in found["NetworkInterfaces"]] == [eni_id])

plain = ecs.run_task(cluster="web", taskDefinition="web:1", launchType="FARGATE", networkConfiguration=awsvpc([subnet_b]))["tasks"][0]
plain_eni = interface(eni_of(plain)[0])
check("a task naming no group gets the VPC's default group", [g["GroupId"] for g in plain_eni["Groups"]] == [default_group])
check("assignPublicIp DISABLED gives no public address", "Association" not in plain_eni)
pair = ecs.run_task(cluster="web", taskDefinition="web:1", launchType="FARGATE", count=2, networkConfiguration=awsvpc([subnet_a, subnet_b], [task_group]))
pair_enis = [eni_of(t)[0] for t in pair["tasks"]]
check("count=2 starts two tasks, each with its own interface, spread over the subnets", len(set(pair_enis)) == 2
      and sorted(eni_of(t)[1]["subnetId"] for t in pair["tasks"]) == sorted([subnet_a, subnet_b]))
check("EC2 tasks of a non-awsvpc definition have no interface",
      ecs.run_task(cluster="web", taskDefinition="bridge", launchType="EC2")["tasks"][0]["attachments"] == [])

code, message = error_of(ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE")
check("awsvpc without networkConfiguration is InvalidParameterException", code == "InvalidParameterException"
      and message == "Network Configuration must be provided when networkMode 'awsvpc' is specified.")
code, message = error_of(ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE", networkConfiguration=awsvpc(["subnet-0123456789abcdef0"]))
check("a missing subnet is InvalidParameterException", code == "InvalidParameterException" and "subnet-0123456789abcdef0" in message)
code, message = error_of(ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE",
                         networkConfiguration=awsvpc([subnet_a], ["sg-0123456789abcdef0"]))
check("a missing security group is InvalidParameterException", code == "InvalidParameterException" and "sg-0123456789abcdef0" in message)
check("subnets of different VPCs are InvalidParameterException", error_code(
    ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE", networkConfiguration=awsvpc([subnet_a, other_subnet]))
      == "InvalidParameterException")
check("a group of another VPC is InvalidParameterException", error_code(
    ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE", networkConfiguration=awsvpc([subnet_a], [other_group]))
      == "InvalidParameterException")
check("more than 5 groups is InvalidParameterException", error_code(
    ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE",
    networkConfiguration=awsvpc([subnet_a], [task_group] * 6)) == "InvalidParameterException")
check("more than 16 subnets is InvalidParameterException", error_code(
    ecs.run_task, cluster="web", taskDefinition="web:1", launchType="FARGATE",
    networkConfiguration=awsvpc([f"subnet-{i:017x}" for i in range(17)])) == "InvalidParameterException")
check("networkConfiguration for a bridge definition is InvalidParameterException", error_code(
    ecs.run_task, cluster="web", taskDefinition="bridge", launchType="EC2", networkConfiguration=awsvpc([subnet_a])) == "InvalidParameterException")
check("Fargate with a bridge definition is InvalidParameterException", error_code(
    ecs.run_task, cluster="web", taskDefinition="bridge", launchType="FARGATE") == "InvalidParameterException")
check("an unknown cluster is ClusterNotFoundException", error_code(
    ecs.run_task, cluster="nope", taskDefinition="web:1", launchType="FARGATE", networkConfiguration=awsvpc([subnet_a])) == "ClusterNotFoundException")
check("an unknown task definition is ClientException", error_code(
    ecs.run_task, cluster="web", taskDefinition="nope", launchType="FARGATE", networkConfiguration=awsvpc([subnet_a])) == "ClientException")
check("a deregistered revision cannot run", error_code(
    ecs.run_task, cluster="web", taskDefinition="web:2", launchType="FARGATE", networkConfiguration=awsvpc([subnet_a])) == "ClientException")
check("a failed RunTask leaves no interface behind", len(ec2.describe_network_interfaces(
    Filters=[{"Name": "vpc-id", "Values": [other_vpc]}])["NetworkInterfaces"]) == 0)

missing = ecs.describe_tasks(cluster="web", tasks=["0123456789abcdef0123456789abcdef"])
check("describe_tasks reports an unknown task as MISSING", missing["tasks"] == [] and missing["failures"][0]["reason"] == "MISSING")
check("describe_tasks finds a task by id", ecs.describe_tasks(cluster="web", tasks=[task_arn.rsplit("/", 1)[1]])["tasks"][0]["taskArn"] == task_arn)
pages = list(ecs.get_paginator("list_tasks").paginate(cluster="web", PaginationConfig={"PageSize": 2}))
check("list_tasks paginates", [len(p["taskArns"]) for p in pages] == [2, 2, 1])
check("list_tasks filters by family", len(ecs.list_tasks(cluster="web", family="web")["taskArns"]) == 4)

# --- groups in use, StopTask ---------------------------------------------------------------------------------------
check("a group held by a task interface cannot be deleted (DependencyViolation)",
      error_code(ec2.delete_security_group, GroupId=task_group) == "DependencyViolation")
stopped = ecs.stop_task(cluster="web", task=task_arn, reason="done here")["task"]
check("stop_task answers STOPPED with the reason", stopped["lastStatus"] == "STOPPED" and stopped["desiredStatus"] == "STOPPED"
      and stopped["stoppedReason"] == "done here" and stopped["stopCode"] == "UserInitiated")
ecs.get_waiter("tasks_stopped").wait(cluster="web", tasks=[task_arn], WaiterConfig=FAST)
check("tasks_stopped waiter is satisfied", True)
check("the stopped task's attachment shows DELETED", ecs.describe_tasks(cluster="web", tasks=[task_arn])["tasks"][0]["attachments"][0]["status"] == "DELETED")
check("stopping the task deletes its interface", error_code(ec2.describe_network_interfaces, NetworkInterfaceIds=[eni_id])
      == "InvalidNetworkInterfaceID.NotFound")
check("list_tasks desiredStatus=STOPPED lists it", ecs.list_tasks(cluster="web", desiredStatus="STOPPED")["taskArns"] == [task_arn])
check("the group is still held by the other tasks", error_code(ec2.delete_security_group, GroupId=task_group) == "DependencyViolation")
for t in pair["tasks"]:
    ecs.stop_task(cluster="web", task=t["taskArn"])
ec2.delete_security_group(GroupId=task_group)
check("once its tasks stopped, the group can be deleted", error_code(ec2.describe_security_groups, GroupIds=[task_group]) == "InvalidGroup.NotFound")
check("stop_task of an unknown task is InvalidParameterException", error_code(
    ecs.stop_task, cluster="web", task="0123456789abcdef0123456789abcdef") == "InvalidParameterException")

# --- services ------------------------------------------------------------------------------------------------------
load_balancers = [{"targetGroupArn": f"arn:aws:elasticloadbalancing:{REGION}:{account}:targetgroup/web/0123456789abcdef",
                   "containerName": "app", "containerPort": 80}]
service = ecs.create_service(cluster="web", serviceName="api", taskDefinition="web", desiredCount=2, launchType="FARGATE",
                             networkConfiguration=awsvpc([subnet_a, subnet_b], [web_group]), loadBalancers=load_balancers)["service"]
service_arn = service["serviceArn"]
check("create_service answers the service ARN service/<cluster>/<name>", service_arn == f"arn:aws:ecs:{REGION}:{account}:service/web/api")
check("the service stores its load balancers and network configuration", service["loadBalancers"] == load_balancers
      and service["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] == [web_group] and service["status"] == "ACTIVE")
ecs.get_waiter("services_stable").wait(cluster="web", services=["api"], WaiterConfig=FAST)
check("services_stable waiter is satisfied", True)
described = ecs.describe_services(cluster="web", services=["api"])["services"][0]
check("describe_services shows one PRIMARY deployment and runningCount=desiredCount", described["runningCount"] == 2
      and described["desiredCount"] == 2 and len(described["deployments"]) == 1 and described["deployments"][0]["status"] == "PRIMARY")
service_tasks = ecs.list_tasks(cluster="web", serviceName="api")["taskArns"]
check("list_tasks serviceName lists the service's 2 tasks", len(service_tasks) == 2)
service_enis = [eni_of(t)[0] for t in ecs.describe_tasks(cluster="web", tasks=service_tasks)["tasks"]]
check("each service task has its own interface with the service's group", len(set(service_enis)) == 2
      and all([g["GroupId"] for g in interface(e)["Groups"]] == [web_group] for e in service_enis))
check("list_services lists it", ecs.list_services(cluster="web")["serviceArns"] == [service_arn])
check("a second create_service with the name is InvalidParameterException", error_code(
    ecs.create_service, cluster="web", serviceName="api", taskDefinition="web", desiredCount=1, launchType="FARGATE",
    networkConfiguration=awsvpc([subnet_a])) == "InvalidParameterException")
check("a service naming a missing subnet is InvalidParameterException", error_code(
    ecs.create_service, cluster="web", serviceName="bad", taskDefinition="web", desiredCount=1, launchType="FARGATE",
    networkConfiguration=awsvpc(["subnet-0123456789abcdef0"])) == "InvalidParameterException")
check("describe_services reports an unknown service as MISSING",
      ecs.describe_services(cluster="web", services=["nope"])["failures"][0]["reason"] == "MISSING")

updated = ecs.update_service(cluster="web", service="api", networkConfiguration=awsvpc([subnet_a, subnet_b], [web_group2]))["service"]
check("update_service with new groups answers them", updated["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] == [web_group2])
ecs.get_waiter("services_stable").wait(cluster="web", services=["api"], WaiterConfig=FAST)
new_tasks = ecs.list_tasks(cluster="web", serviceName="api")["taskArns"]
new_enis = [eni_of(t)[0] for t in ecs.describe_tasks(cluster="web", tasks=new_tasks)["tasks"]]
check("a network change replaces the service's tasks", len(new_tasks) == 2 and not set(new_tasks) & set(service_tasks))
check("the new tasks' interfaces carry the new group", all([g["GroupId"] for g in interface(e)["Groups"]] == [web_group2] for e in new_enis))
check("the old tasks' interfaces are deleted", all(error_code(ec2.describe_network_interfaces, NetworkInterfaceIds=[e])
                                                   == "InvalidNetworkInterfaceID.NotFound" for e in service_enis))
ec2.delete_security_group(GroupId=web_group)
check("the old group is free once the service moved", error_code(ec2.describe_security_groups, GroupIds=[web_group]) == "InvalidGroup.NotFound")
check("a deployment replaced the old one", len(updated["deployments"]) == 1 and updated["deployments"][0]["id"] != described["deployments"][0]["id"])
scaled = ecs.update_service(cluster="web", service="api", desiredCount=3)["service"]
check("update_service desiredCount=3 starts a third task", scaled["runningCount"] == 3 and len(ecs.list_tasks(cluster="web", serviceName="api")["taskArns"]) == 3)
ecs.update_service(cluster="web", service="api", desiredCount=1)
check("update_service desiredCount=1 stops two", len(ecs.list_tasks(cluster="web", serviceName="api")["taskArns"]) == 1)
replaced = ecs.list_tasks(cluster="web", serviceName="api")["taskArns"]
ecs.stop_task(cluster="web", task=replaced[0])
replacement = ecs.list_tasks(cluster="web", serviceName="api")["taskArns"]
check("stopping a service's task starts a replacement, as the scheduler does", len(replacement) == 1 and replacement != replaced)
check("the service runs the task definition it was created with", scaled["taskDefinition"] == third["taskDefinitionArn"])
redeployed = ecs.update_service(cluster="web", service="api", taskDefinition="web:1")["service"]
running_now = ecs.describe_tasks(cluster="web", tasks=ecs.list_tasks(cluster="web", serviceName="api")["taskArns"])["tasks"]
check("a new task definition starts a deployment whose tasks run it", redeployed["taskDefinition"] == first["taskDefinitionArn"]
      and redeployed["deployments"][0]["taskDefinition"] == first["taskDefinitionArn"]
      and [t["taskDefinitionArn"] for t in running_now] == [first["taskDefinitionArn"]] and running_now[0]["group"] == "service:api")
check("update_service of an unknown service is ServiceNotFoundException", error_code(
    ecs.update_service, cluster="web", service="nope", desiredCount=1) == "ServiceNotFoundException")

check("deleting a cluster with an active service is ClusterContainsServicesException",
      error_code(ecs.delete_cluster, cluster="web") == "ClusterContainsServicesException")
code, message = error_of(ecs.delete_service, cluster="web", service="api")
check("delete_service of a service scaled above 0 is InvalidParameterException", code == "InvalidParameterException"
      and message == "The service cannot be stopped while it is scaled above 0.")
last_eni = eni_of(ecs.describe_tasks(cluster="web", tasks=ecs.list_tasks(cluster="web", serviceName="api")["taskArns"])["tasks"][0])[0]
check("the service's group is in use (DependencyViolation)", error_code(ec2.delete_security_group, GroupId=web_group2) == "DependencyViolation")
deleted = ecs.delete_service(cluster="web", service="api", force=True)["service"]
check("delete_service force answers DRAINING", deleted["status"] == "DRAINING")
ecs.get_waiter("services_inactive").wait(cluster="web", services=["api"], WaiterConfig=FAST)
check("services_inactive waiter is satisfied", True)
check("deleting the service deletes its tasks' interfaces", error_code(ec2.describe_network_interfaces, NetworkInterfaceIds=[last_eni])
      == "InvalidNetworkInterfaceID.NotFound")
ec2.delete_security_group(GroupId=web_group2)
check("the service's group can then be deleted", error_code(ec2.describe_security_groups, GroupIds=[web_group2]) == "InvalidGroup.NotFound")
check("update_service of a deleted service is ServiceNotActiveException", error_code(
    ecs.update_service, cluster="web", service="api", desiredCount=1) == "ServiceNotActiveException")
check("list_services no longer lists it", ecs.list_services(cluster="web")["serviceArns"] == [])

# --- tags ----------------------------------------------------------------------------------------------------------
ecs.tag_resource(resourceArn=cluster_arn, tags=[{"key": "owner", "value": "me"}])
ecs.untag_resource(resourceArn=cluster_arn, tagKeys=["team"])
check("tag_resource and untag_resource change a cluster's tags",
      ecs.list_tags_for_resource(resourceArn=cluster_arn)["tags"] == [{"key": "owner", "value": "me"}])

# --- isolation, the AWS CLI, cleanup -------------------------------------------------------------------------------
check("another account does not see the cluster", other_ecs.describe_clusters(clusters=["web"])["failures"][0]["reason"] == "MISSING"
      and other_ecs.list_clusters()["clusterArns"] == [])
keeper = ecs.run_task(cluster="web", taskDefinition="web:1", launchType="FARGATE", networkConfiguration=awsvpc([subnet_a]))["tasks"][0]
check("another account does not see the task", other_ec2.describe_network_interfaces(
    Filters=[{"Name": "requester-id", "Values": ["578734482556"]}])["NetworkInterfaces"] == [])
check("another account's DescribeTasks answers ClusterNotFoundException", error_code(
    other_ecs.describe_tasks, cluster="web", tasks=[keeper["taskArn"]]) == "ClusterNotFoundException")
if shutil.which("aws"):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID=account, AWS_SECRET_ACCESS_KEY="secret", AWS_DEFAULT_REGION=REGION)
    cli = subprocess.run(["aws", "--endpoint-url", endpoint, "ecs", "list-tasks", "--cluster", "web", "--output", "json"],
                         capture_output=True, text=True, env=environment, timeout=120)
    check("the AWS CLI lists the running tasks as boto3 does", cli.returncode == 0
          and json.loads(cli.stdout)["taskArns"] == ecs.list_tasks(cluster="web")["taskArns"] and keeper["taskArn"] in cli.stdout)
check("deleting a cluster with a running task is ClusterContainsTasksException",
      error_code(ecs.delete_cluster, cluster="web") == "ClusterContainsTasksException")
ecs.stop_task(cluster="web", task=keeper["taskArn"])
for arn in ecs.list_tasks(cluster="web")["taskArns"]:
    ecs.stop_task(cluster="web", task=arn)
gone = ecs.delete_cluster(cluster="web")["cluster"]
check("delete_cluster answers INACTIVE", gone["status"] == "INACTIVE")
check("the deleted cluster is MISSING", ecs.describe_clusters(clusters=["web"])["failures"][0]["reason"] == "MISSING")
check("describe_tasks in a deleted cluster is ClusterNotFoundException", error_code(
    ecs.describe_tasks, cluster="web", tasks=[keeper["taskArn"]]) == "ClusterNotFoundException")
check("no ECS interface is left in the VPC", ec2.describe_network_interfaces(
    Filters=[{"Name": "vpc-id", "Values": [vpc]}])["NetworkInterfaces"] == [])

print(f"ecs: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)

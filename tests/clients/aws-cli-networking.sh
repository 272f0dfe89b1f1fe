#!/usr/bin/env bash
# AWS CLI networking lifecycle against a running ControlPlane emulator.
#
#   CONTROLPLANE_ENDPOINT=http://localhost:4566 tests/clients/aws-cli-networking.sh
#
# Drives the networking actions (network ACLs, network interfaces, route tables and gateways,
# instances, Elastic IPs, managed prefix lists, NAT gateways, VPC endpoints, peering) through the
# unmodified AWS CLI and asserts what AWS answers (values and error codes, never messages).
# One line per check, then "aws-cli-networking: N passed, M failed"; the exit code is non-zero
# when a check failed.
#
# Environment:
#   CONTROLPLANE_ENDPOINT         emulator URL (default http://localhost:4566)
#   CONTROLPLANE_DEFAULT_ACCOUNT  account the emulator uses for non-numeric access keys (default 000000000000)
# Needs: aws (v1 or v2), jq.
set -uo pipefail

ENDPOINT="${CONTROLPLANE_ENDPOINT:-http://localhost:4566}"
ACCOUNT="${CONTROLPLANE_DEFAULT_ACCOUNT:-000000000000}"
OTHER_ACCOUNT="111122223333"
REGION="us-east-1"
RUN="$(date +%s)-$$"

for tool in aws jq; do
  command -v "$tool" >/dev/null 2>&1 || { echo "aws-cli-networking: $tool is required but not installed"; echo "aws-cli-networking: 0 passed, 1 failed"; exit 2; }
done

# A clean, self-contained CLI environment: dummy credentials, no user profile or endpoint settings.
WORK="$(mktemp -d)"
: >"$WORK/config"
: >"$WORK/credentials"
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_EC2 \
      AWS_ENDPOINT_URL_STS AWS_IGNORE_CONFIGURED_ENDPOINT_URLS AWS_REGION
export AWS_CONFIG_FILE="$WORK/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials"
export AWS_ACCESS_KEY_ID="test" AWS_SECRET_ACCESS_KEY="test" AWS_DEFAULT_REGION="$REGION"
export AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true

PASSED=0
FAILED=0
OUT="" ERR="" RC=0 CODE=""

oneline() { tr '\n' ' ' <<<"$1" | cut -c1-300; }
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# run ARGS...: runs the AWS CLI; sets OUT, ERR, RC and CODE (the AWS error code from stderr).
run() {
  OUT="$(timeout 120 aws --output json --cli-connect-timeout 5 --cli-read-timeout 60 "$@" 2>"$WORK/stderr")"
  RC=$?
  ERR="$(cat "$WORK/stderr")"
  CODE="$(sed -n 's/.*An error occurred (\([^)]*\)).*/\1/p' <<<"$ERR" | head -n1)"
}
ec2() { run --endpoint-url "$ENDPOINT" ec2 "$@"; }
sts() { run --endpoint-url "$ENDPOINT" sts "$@"; }

# expect_ok DESC CMD...: the command succeeds.
expect_ok() {
  local desc=$1
  shift
  "$@"
  if [[ $RC -eq 0 ]]; then pass "$desc"; else fail "$desc (exit $RC: $(oneline "$ERR"))"; fi
}

# expect_error CODE DESC CMD...: the command fails with that AWS error code (CODE is an ERE, e.g. 'A|B').
expect_error() {
  local code=$1 desc=$2
  shift 2
  "$@"
  if [[ $RC -ne 0 && -n $CODE && $CODE =~ ^($code)$ ]]; then
    pass "$desc -> $CODE"
  else
    fail "$desc: expected $code, got ${CODE:-exit $RC} $(oneline "${ERR:-$OUT}")"
  fi
}

# check DESC [JQ-OPTIONS...] EXPR: the last command succeeded and jq EXPR is true on its output.
check() {
  local desc=$1
  shift
  local expr=${*: -1}
  local opts=("${@:1:$#-1}")
  if [[ $RC -eq 0 && -n $OUT ]] && jq -e "${opts[@]}" "$expr" <<<"$OUT" >/dev/null 2>&1; then
    pass "$desc"
  else
    fail "$desc [jq: $expr] got: $(oneline "$(jq -c . <<<"$OUT" 2>/dev/null || echo "$OUT")") $(oneline "$ERR")"
    [[ -n ${CLI_DEBUG:-} ]] && jq -c . <<<"$OUT" >&2
  fi
}

# get JQ-ARGS...: read a value from the last output.
get() { jq -r "$@" <<<"$OUT" 2>/dev/null; }

# poll JQ-EXPR CMD...: reruns the command (up to ~60 s) until jq EXPR is true on its output; leaves OUT for check.
poll() {
  local expr=$1 i
  shift
  for ((i = 0; i < 60; i++)); do
    "$@"
    [[ $RC -eq 0 ]] && jq -e "$expr" <<<"$OUT" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

CREATED_VPCS=()
INSTANCES=()
NATS=()
ENDPOINTS=()
PEERINGS=()
EIPS=()
ENIS=()
IGWS=()
EIGWS=()
RTBS=()
ACLS=()
PLS=()

# Best-effort removal of everything this run created, also after an early failure (not counted).
cleanup() {
  local x vpc sg ids
  local c=(aws --endpoint-url "$ENDPOINT" --output json ec2)
  [[ ${#INSTANCES[@]} -gt 0 ]] && "${c[@]}" terminate-instances --instance-ids "${INSTANCES[@]}" >/dev/null 2>&1
  for x in "${NATS[@]}"; do "${c[@]}" delete-nat-gateway --nat-gateway-id "$x" >/dev/null 2>&1; done
  [[ ${#ENDPOINTS[@]} -gt 0 ]] && "${c[@]}" delete-vpc-endpoints --vpc-endpoint-ids "${ENDPOINTS[@]}" >/dev/null 2>&1
  for x in "${PEERINGS[@]}"; do "${c[@]}" delete-vpc-peering-connection --vpc-peering-connection-id "$x" >/dev/null 2>&1; done
  if [[ ${#INSTANCES[@]} -gt 0 || ${#NATS[@]} -gt 0 ]]; then sleep 3; fi
  for x in "${EIPS[@]}"; do
    ids="$("${c[@]}" describe-addresses --allocation-ids "$x" 2>/dev/null | jq -r '.Addresses[0].AssociationId // empty' 2>/dev/null)"
    [[ -n $ids ]] && "${c[@]}" disassociate-address --association-id "$ids" >/dev/null 2>&1
    "${c[@]}" release-address --allocation-id "$x" >/dev/null 2>&1
  done
  for x in "${ENIS[@]}"; do "${c[@]}" delete-network-interface --network-interface-id "$x" >/dev/null 2>&1; done
  for x in "${RTBS[@]}"; do
    for ids in $("${c[@]}" describe-route-tables --route-table-ids "$x" 2>/dev/null |
      jq -r '.RouteTables[0].Associations[]? | select(.Main | not) | .RouteTableAssociationId' 2>/dev/null); do
      "${c[@]}" disassociate-route-table --association-id "$ids" >/dev/null 2>&1
    done
    "${c[@]}" delete-route-table --route-table-id "$x" >/dev/null 2>&1
  done
  for x in "${IGWS[@]}"; do
    for vpc in $("${c[@]}" describe-internet-gateways --internet-gateway-ids "$x" 2>/dev/null | jq -r '.InternetGateways[0].Attachments[]?.VpcId' 2>/dev/null); do
      "${c[@]}" detach-internet-gateway --internet-gateway-id "$x" --vpc-id "$vpc" >/dev/null 2>&1
    done
    "${c[@]}" delete-internet-gateway --internet-gateway-id "$x" >/dev/null 2>&1
  done
  for x in "${EIGWS[@]}"; do "${c[@]}" delete-egress-only-internet-gateway --egress-only-internet-gateway-id "$x" >/dev/null 2>&1; done
  for vpc in "${CREATED_VPCS[@]}"; do
    for sg in $("${c[@]}" describe-security-groups --filters "Name=vpc-id,Values=$vpc" 2>/dev/null |
      jq -r '.SecurityGroups[] | select(.GroupName != "default") | .GroupId' 2>/dev/null); do
      for ids in $("${c[@]}" describe-security-group-rules --filters "Name=group-id,Values=$sg" 2>/dev/null |
        jq -r '.SecurityGroupRules[] | select(.IsEgress | not) | .SecurityGroupRuleId' 2>/dev/null); do
        "${c[@]}" revoke-security-group-ingress --group-id "$sg" --security-group-rule-ids "$ids" >/dev/null 2>&1
      done
    done
  done
  for x in "${PLS[@]}"; do "${c[@]}" delete-managed-prefix-list --prefix-list-id "$x" >/dev/null 2>&1; done
  for vpc in "${CREATED_VPCS[@]}"; do
    for ids in $("${c[@]}" describe-network-acls --filters "Name=vpc-id,Values=$vpc" Name=default,Values=false 2>/dev/null |
      jq -r '.NetworkAcls[].NetworkAclId' 2>/dev/null); do
      "${c[@]}" delete-network-acl --network-acl-id "$ids" >/dev/null 2>&1
    done
    for sg in $("${c[@]}" describe-security-groups --filters "Name=vpc-id,Values=$vpc" 2>/dev/null |
      jq -r '.SecurityGroups[] | select(.GroupName != "default") | .GroupId' 2>/dev/null); do
      "${c[@]}" delete-security-group --group-id "$sg" >/dev/null 2>&1
    done
    for sg in $("${c[@]}" describe-subnets --filters "Name=vpc-id,Values=$vpc" 2>/dev/null | jq -r '.Subnets[].SubnetId' 2>/dev/null); do
      "${c[@]}" delete-subnet --subnet-id "$sg" >/dev/null 2>&1
    done
    "${c[@]}" delete-vpc --vpc-id "$vpc" >/dev/null 2>&1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "aws-cli-networking: endpoint $ENDPOINT, run $RUN, $(aws --version 2>&1 | head -n1)"

# ---------------------------------------------------------------- setup: two VPCs, two subnets, two groups
ec2 describe-availability-zones
mapfile -t AZS < <(get '.AvailabilityZones[].ZoneName' | sort)
AZ1="${AZS[0]:-us-east-1a}"
AZ2="${AZS[1]:-us-east-1b}"

ec2 create-vpc --cidr-block 10.77.0.0/16 --tag-specifications "ResourceType=vpc,Tags=[{Key=Name,Value=cli-net-$RUN}]"
check "create-vpc 10.77.0.0/16" '.Vpc.VpcId | test("^vpc-[0-9a-f]{17}$")'
VPC="$(get '.Vpc.VpcId')"
[[ -n $VPC && $VPC != null ]] && CREATED_VPCS+=("$VPC")
ec2 create-vpc --cidr-block 10.78.0.0/16 --tag-specifications "ResourceType=vpc,Tags=[{Key=Name,Value=cli-net-peer-$RUN}]"
check "create-vpc 10.78.0.0/16 (peer)" '.Vpc.VpcId | test("^vpc-[0-9a-f]{17}$")'
VPC2="$(get '.Vpc.VpcId')"
[[ -n $VPC2 && $VPC2 != null ]] && CREATED_VPCS+=("$VPC2")

ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.77.1.0/24 --availability-zone "$AZ1"
check "create-subnet a 10.77.1.0/24" '.Subnet.SubnetId | test("^subnet-[0-9a-f]{17}$")'
SUBNET_A="$(get '.Subnet.SubnetId')"
ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.77.2.0/24 --availability-zone "$AZ2"
check "create-subnet b 10.77.2.0/24" '.Subnet.SubnetId | test("^subnet-[0-9a-f]{17}$")'
SUBNET_B="$(get '.Subnet.SubnetId')"
ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.77.3.0/24 --availability-zone "$AZ1"
check "create-subnet c 10.77.3.0/24 (for the dependency check)" '.Subnet.SubnetId | test("^subnet-[0-9a-f]{17}$")'
SUBNET_C="$(get '.Subnet.SubnetId')"

ec2 create-security-group --vpc-id "$VPC" --group-name "net-one-$RUN" --description "one"
check "create-security-group one" '.GroupId | test("^sg-[0-9a-f]{17}$")'
SG1="$(get '.GroupId')"
ec2 create-security-group --vpc-id "$VPC" --group-name "net-two-$RUN" --description "two"
check "create-security-group two" '.GroupId | test("^sg-[0-9a-f]{17}$")'
SG2="$(get '.GroupId')"

ec2 describe-network-acls --filters "Name=vpc-id,Values=$VPC" Name=default,Values=true
DEFAULT_ACL="$(get '.NetworkAcls[0].NetworkAclId')"
ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" Name=association.main,Values=true
MAIN_RTB="$(get '.RouteTables[0].RouteTableId')"

# ---------------------------------------------------------------- network ACLs
ec2 create-network-acl --vpc-id "$VPC" --tag-specifications "ResourceType=network-acl,Tags=[{Key=Name,Value=cli-acl-$RUN}]"
check "create-network-acl answers an acl- id, not default, in the VPC" --arg v "$VPC" \
  '(.NetworkAcl.NetworkAclId | test("^acl-[0-9a-f]{17}$")) and .NetworkAcl.IsDefault == false and .NetworkAcl.VpcId == $v'
ACL="$(get '.NetworkAcl.NetworkAclId')"
[[ -n $ACL && $ACL != null ]] && ACLS+=("$ACL")
check "a new network ACL has only the * deny entries both ways" \
  '.NetworkAcl.Entries as $e | [false, true] | all(. as $out | $e | any(.Egress == $out and .RuleNumber == 32767 and .RuleAction == "deny" and .CidrBlock == "0.0.0.0/0"))
   and ($e | all(.RuleNumber >= 32767))'

expect_ok "create-network-acl-entry 100 ingress allow tcp 443" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 100 --protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow
expect_ok "create-network-acl-entry 100 egress allow all" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --egress --rule-number 100 --protocol -1 --cidr-block 0.0.0.0/0 --rule-action allow
expect_error NetworkAclEntryAlreadyExists "create-network-acl-entry with a taken rule number" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 100 --protocol tcp --port-range From=80,To=80 --cidr-block 10.0.0.0/8 --rule-action deny
expect_error InvalidParameterValue "create-network-acl-entry with rule number 32767" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 32767 --protocol tcp --port-range From=80,To=80 --cidr-block 10.0.0.0/8 --rule-action deny
ec2 describe-network-acls --network-acl-ids "$ACL"
check "describe-network-acls: ingress 100 is tcp (6) 443 allow" \
  'any(.NetworkAcls[0].Entries[]; .Egress == false and .RuleNumber == 100 and .Protocol == "6" and .PortRange.From == 443 and .PortRange.To == 443 and .RuleAction == "allow" and .CidrBlock == "0.0.0.0/0")
   and (.NetworkAcls[0].Entries | length == 4)'

expect_ok "replace-network-acl-entry 100 ingress -> deny tcp 80 from 10.0.0.0/8" \
  ec2 replace-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 100 --protocol tcp --port-range From=80,To=80 --cidr-block 10.0.0.0/8 --rule-action deny
ec2 describe-network-acls --network-acl-ids "$ACL"
check "the replaced entry has the new values" \
  '[.NetworkAcls[0].Entries[] | select(.Egress == false and .RuleNumber == 100)] | length == 1 and .[0].RuleAction == "deny" and .[0].PortRange.From == 80 and .[0].CidrBlock == "10.0.0.0/8"'
expect_ok "delete-network-acl-entry 100 ingress" ec2 delete-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 100
expect_error 'InvalidNetworkAclEntry\.NotFound' "delete-network-acl-entry of a missing entry" \
  ec2 delete-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 100
ec2 describe-network-acls --network-acl-ids "$ACL"
check "ingress 100 is gone, egress 100 stays" \
  '(.NetworkAcls[0].Entries | any(.Egress == false and .RuleNumber == 100) | not) and (.NetworkAcls[0].Entries | any(.Egress == true and .RuleNumber == 100))'

ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$SUBNET_A"
check "association.subnet-id filter: subnet a is on the default ACL" --arg d "$DEFAULT_ACL" --arg s "$SUBNET_A" \
  '[.NetworkAcls[].NetworkAclId] == [$d] and any(.NetworkAcls[0].Associations[]; .SubnetId == $s and (.NetworkAclAssociationId | test("^aclassoc-")))'
OLD_ACL_ASSOC="$(jq -r --arg s "$SUBNET_A" '.NetworkAcls[0].Associations[] | select(.SubnetId == $s) | .NetworkAclAssociationId' <<<"$OUT" 2>/dev/null)"
ec2 replace-network-acl-association --association-id "$OLD_ACL_ASSOC" --network-acl-id "$ACL"
check "replace-network-acl-association answers a new association id" --arg o "$OLD_ACL_ASSOC" \
  '(.NewAssociationId | test("^aclassoc-[0-9a-f]{17}$")) and .NewAssociationId != $o'
NEW_ACL_ASSOC="$(get '.NewAssociationId')"
ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$SUBNET_A"
check "association.subnet-id filter: subnet a is now on the new ACL with that association" --arg a "$ACL" --arg n "$NEW_ACL_ASSOC" --arg s "$SUBNET_A" \
  '[.NetworkAcls[].NetworkAclId] == [$a] and any(.NetworkAcls[0].Associations[]; .SubnetId == $s and .NetworkAclAssociationId == $n)'
expect_error DependencyViolation "delete-network-acl while associated" ec2 delete-network-acl --network-acl-id "$ACL"
expect_error InvalidParameterValue "delete-network-acl of the default ACL" ec2 delete-network-acl --network-acl-id "$DEFAULT_ACL"
ec2 replace-network-acl-association --association-id "$NEW_ACL_ASSOC" --network-acl-id "$DEFAULT_ACL"
check "replace-network-acl-association back to the default ACL" '.NewAssociationId | test("^aclassoc-")'
expect_ok "delete-network-acl once unassociated" ec2 delete-network-acl --network-acl-id "$ACL"
expect_error 'InvalidNetworkAclID\.NotFound' "describe the deleted network ACL" ec2 describe-network-acls --network-acl-ids "$ACL"

# ---------------------------------------------------------------- network interfaces
ec2 create-network-interface --subnet-id "$SUBNET_A" --groups "$SG1" "$SG2" --private-ip-address 10.77.1.10 --description "cli eni $RUN"
check "create-network-interface with groups and a fixed IP" --arg s "$SUBNET_A" --arg v "$VPC" --arg g1 "$SG1" --arg g2 "$SG2" --arg a "$ACCOUNT" \
  '.NetworkInterface | (.NetworkInterfaceId | test("^eni-[0-9a-f]{17}$")) and .SubnetId == $s and .VpcId == $v and .PrivateIpAddress == "10.77.1.10"
   and ([.Groups[].GroupId] | sort) == ([$g1, $g2] | sort) and (.Status | IN("pending", "available")) and .InterfaceType == "interface"
   and .SourceDestCheck == true and .OwnerId == $a and (.MacAddress | length > 0) and .PrivateIpAddresses[0].Primary == true'
ENI="$(get '.NetworkInterface.NetworkInterfaceId')"
[[ -n $ENI && $ENI != null ]] && ENIS+=("$ENI")
expect_error 'InvalidIPAddress\.InUse' "create-network-interface with a taken IP" \
  ec2 create-network-interface --subnet-id "$SUBNET_A" --private-ip-address 10.77.1.10
ec2 create-network-interface --subnet-id "$SUBNET_C" --description "blocks subnet c"
check "create-network-interface in subnet c (auto IP from the subnet)" '.NetworkInterface.PrivateIpAddress | startswith("10.77.3.")'
ENI_C="$(get '.NetworkInterface.NetworkInterfaceId')"
[[ -n $ENI_C && $ENI_C != null ]] && ENIS+=("$ENI_C")

poll '.NetworkInterfaces[0].Status == "available"' ec2 describe-network-interfaces --network-interface-ids "$ENI"
check "the new interface is available" '.NetworkInterfaces[0].Status == "available"'
ec2 describe-network-interfaces --filters "Name=subnet-id,Values=$SUBNET_A"
check "describe-network-interfaces filter subnet-id" --arg e "$ENI" '[.NetworkInterfaces[].NetworkInterfaceId] == [$e]'
ec2 describe-network-interfaces --filters "Name=group-id,Values=$SG2"
check "describe-network-interfaces filter group-id" --arg e "$ENI" '[.NetworkInterfaces[].NetworkInterfaceId] == [$e]'

expect_ok "modify-network-interface-attribute --groups (only one)" ec2 modify-network-interface-attribute --network-interface-id "$ENI" --groups "$SG1"
expect_ok "modify-network-interface-attribute --description" ec2 modify-network-interface-attribute --network-interface-id "$ENI" --description Value=changed
expect_ok "modify-network-interface-attribute --no-source-dest-check" ec2 modify-network-interface-attribute --network-interface-id "$ENI" --no-source-dest-check
ec2 describe-network-interfaces --network-interface-ids "$ENI"
check "the interface has the new groups, description and source/dest check" --arg g1 "$SG1" \
  '.NetworkInterfaces[0] | [.Groups[].GroupId] == [$g1] and .Description == "changed" and .SourceDestCheck == false'
ec2 describe-network-interface-attribute --network-interface-id "$ENI" --attribute sourceDestCheck
check "describe-network-interface-attribute sourceDestCheck is false" '.SourceDestCheck.Value == false'
ec2 describe-network-interfaces --filters "Name=group-id,Values=$SG2" "Name=vpc-id,Values=$VPC"
check "group two no longer matches the interface" '.NetworkInterfaces == []'

expect_ok "assign-private-ip-addresses 10.77.1.20 by address" ec2 assign-private-ip-addresses --network-interface-id "$ENI" --private-ip-addresses 10.77.1.20
ec2 assign-private-ip-addresses --network-interface-id "$ENI" --secondary-private-ip-address-count 1
check "assign-private-ip-addresses by count answers one address in the subnet" \
  '(.AssignedPrivateIpAddresses | length == 1) and (.AssignedPrivateIpAddresses[0].PrivateIpAddress | startswith("10.77.1."))'
SECONDARY2="$(get '.AssignedPrivateIpAddresses[0].PrivateIpAddress')"
ec2 describe-network-interfaces --network-interface-ids "$ENI"
check "the interface has one primary and two secondary addresses" --arg x "$SECONDARY2" \
  '.NetworkInterfaces[0].PrivateIpAddresses as $p | ($p | length == 3) and ([$p[] | select(.Primary)] | map(.PrivateIpAddress) == ["10.77.1.10"])
   and ($p | any(.PrivateIpAddress == "10.77.1.20" and .Primary == false)) and ($p | any(.PrivateIpAddress == $x and .Primary == false))'
expect_error 'InvalidIPAddress\.InUse|PrivateIpAddressLimitExceeded|InvalidParameterValue' "create-network-interface with a secondary IP of another interface" \
  ec2 create-network-interface --subnet-id "$SUBNET_A" --private-ip-address 10.77.1.20
expect_ok "unassign-private-ip-addresses 10.77.1.20" ec2 unassign-private-ip-addresses --network-interface-id "$ENI" --private-ip-addresses 10.77.1.20
ec2 describe-network-interfaces --network-interface-ids "$ENI"
check "10.77.1.20 is gone, the other secondary stays" --arg x "$SECONDARY2" \
  '[.NetworkInterfaces[0].PrivateIpAddresses[].PrivateIpAddress] | sort == (["10.77.1.10", $x] | sort)'

expect_error DependencyViolation "delete-security-group of a group on an interface" ec2 delete-security-group --group-id "$SG1"
expect_error DependencyViolation "delete-subnet with an interface in it" ec2 delete-subnet --subnet-id "$SUBNET_C"

# ---------------------------------------------------------------- route tables and gateways
ec2 create-route-table --vpc-id "$VPC"
check "create-route-table answers an rtb- id with the local route" --arg v "$VPC" \
  '(.RouteTable.RouteTableId | test("^rtb-[0-9a-f]{17}$")) and .RouteTable.VpcId == $v
   and any(.RouteTable.Routes[]; .DestinationCidrBlock == "10.77.0.0/16" and .GatewayId == "local" and .State == "active")'
RTB="$(get '.RouteTable.RouteTableId')"
[[ -n $RTB && $RTB != null ]] && RTBS+=("$RTB")
ec2 create-internet-gateway
check "create-internet-gateway answers an igw- id, detached" '(.InternetGateway.InternetGatewayId | test("^igw-[0-9a-f]{17}$")) and (.InternetGateway.Attachments // [] | length == 0)'
IGW="$(get '.InternetGateway.InternetGatewayId')"
[[ -n $IGW && $IGW != null ]] && IGWS+=("$IGW")
expect_ok "attach-internet-gateway" ec2 attach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC"
ec2 describe-internet-gateways --filters "Name=attachment.vpc-id,Values=$VPC"
check "describe-internet-gateways attachment.vpc-id: attached, available" --arg i "$IGW" --arg v "$VPC" \
  '[.InternetGateways[].InternetGatewayId] == [$i] and .InternetGateways[0].Attachments == [{"State": "available", "VpcId": $v}]'
ec2 create-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0 --gateway-id "$IGW"
check "create-route 0.0.0.0/0 via the internet gateway" '.Return == true'
expect_error RouteAlreadyExists "create-route 0.0.0.0/0 again with another target" \
  ec2 create-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0 --network-interface-id "$ENI"
ec2 associate-route-table --route-table-id "$RTB" --subnet-id "$SUBNET_B"
check "associate-route-table answers an rtbassoc- id, associated" \
  '(.AssociationId | test("^rtbassoc-[0-9a-f]{17}$")) and .AssociationState.State == "associated"'
RTB_ASSOC="$(get '.AssociationId')"
ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" Name=association.main,Values=true
check "describe-route-tables association.main=true: only the main table" --arg m "$MAIN_RTB" '[.RouteTables[].RouteTableId] == [$m]'
ec2 describe-route-tables --filters "Name=association.subnet-id,Values=$SUBNET_B"
check "describe-route-tables association.subnet-id: the new table, its route via the gateway, its association" --arg r "$RTB" --arg i "$IGW" --arg a "$RTB_ASSOC" --arg s "$SUBNET_B" \
  '[.RouteTables[].RouteTableId] == [$r]
   and any(.RouteTables[0].Routes[]; .DestinationCidrBlock == "0.0.0.0/0" and .GatewayId == $i and .State == "active" and .Origin == "CreateRoute")
   and any(.RouteTables[0].Associations[]; .RouteTableAssociationId == $a and .SubnetId == $s and .Main == false)'
ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" Name=association.main,Values=false
check "describe-route-tables association.main=false: the new table" --arg r "$RTB" '[.RouteTables[].RouteTableId] == [$r]'

ec2 create-egress-only-internet-gateway --vpc-id "$VPC"
check "create-egress-only-internet-gateway answers an eigw- id attached to the VPC" --arg v "$VPC" \
  '(.EgressOnlyInternetGateway.EgressOnlyInternetGatewayId | test("^eigw-[0-9a-f]{17}$")) and .EgressOnlyInternetGateway.Attachments == [{"State": "attached", "VpcId": $v}]'
EIGW="$(get '.EgressOnlyInternetGateway.EgressOnlyInternetGatewayId')"
[[ -n $EIGW && $EIGW != null ]] && EIGWS+=("$EIGW")
ec2 describe-egress-only-internet-gateways --egress-only-internet-gateway-ids "$EIGW"
check "describe-egress-only-internet-gateways" --arg e "$EIGW" --arg v "$VPC" \
  '[.EgressOnlyInternetGateways[].EgressOnlyInternetGatewayId] == [$e] and .EgressOnlyInternetGateways[0].Attachments[0].VpcId == $v'
ec2 delete-egress-only-internet-gateway --egress-only-internet-gateway-id "$EIGW"
check "delete-egress-only-internet-gateway" '.ReturnCode == true'
ec2 describe-egress-only-internet-gateways --egress-only-internet-gateway-ids "$EIGW"
if [[ $RC -ne 0 ]] || jq -e '.EgressOnlyInternetGateways == []' <<<"$OUT" >/dev/null 2>&1; then
  pass "the deleted egress-only gateway is gone${CODE:+ -> $CODE}"
else
  fail "the deleted egress-only gateway is gone: got $(oneline "$OUT")"
fi
EIGWS=()

# ---------------------------------------------------------------- elastic IPs
ec2 allocate-address --domain vpc
check "allocate-address --domain vpc" '(.AllocationId | test("^eipalloc-[0-9a-f]{17}$")) and .Domain == "vpc" and (.PublicIp | test("^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$"))'
EIP="$(get '.AllocationId')"
EIP_IP="$(get '.PublicIp')"
[[ -n $EIP && $EIP != null ]] && EIPS+=("$EIP")
ec2 associate-address --allocation-id "$EIP" --network-interface-id "$ENI"
check "associate-address to the interface" '.AssociationId | test("^eipassoc-[0-9a-f]{17}$")'
EIP_ASSOC="$(get '.AssociationId')"
ec2 describe-addresses --allocation-ids "$EIP"
check "describe-addresses: associated with the interface and its primary IP" --arg e "$ENI" --arg a "$EIP_ASSOC" --arg ip "$EIP_IP" --arg o "$ACCOUNT" \
  '.Addresses[0] | .NetworkInterfaceId == $e and .AssociationId == $a and .PrivateIpAddress == "10.77.1.10" and .PublicIp == $ip and .Domain == "vpc" and .NetworkInterfaceOwnerId == $o'
ec2 describe-network-interfaces --network-interface-ids "$ENI"
check "the interface shows the public IP in its association" --arg ip "$EIP_IP" '.NetworkInterfaces[0].Association.PublicIp == $ip'
ec2 describe-addresses --filters "Name=network-interface-id,Values=$ENI"
check "describe-addresses filter network-interface-id" --arg a "$EIP" '[.Addresses[].AllocationId] == [$a]'
expect_error 'InvalidIPAddress\.InUse' "release-address while associated" ec2 release-address --allocation-id "$EIP"
expect_ok "disassociate-address" ec2 disassociate-address --association-id "$EIP_ASSOC"
ec2 describe-addresses --allocation-ids "$EIP"
check "the address is no longer associated" '.Addresses[0] | (.AssociationId == null) and (.NetworkInterfaceId == null)'
expect_ok "release-address" ec2 release-address --allocation-id "$EIP"
expect_error 'InvalidAllocationID\.NotFound' "describe-addresses of the released address" ec2 describe-addresses --allocation-ids "$EIP"
EIPS=()

# ---------------------------------------------------------------- NAT gateway
ec2 allocate-address --domain vpc
NAT_EIP="$(get '.AllocationId')"
NAT_EIP_IP="$(get '.PublicIp')"
[[ -n $NAT_EIP && $NAT_EIP != null ]] && EIPS+=("$NAT_EIP")
ec2 create-nat-gateway --subnet-id "$SUBNET_A" --allocation-id "$NAT_EIP"
check "create-nat-gateway (public) answers a nat- id, pending" --arg s "$SUBNET_A" --arg v "$VPC" \
  '(.NatGateway.NatGatewayId | test("^nat-[0-9a-f]{17}$")) and .NatGateway.SubnetId == $s and .NatGateway.VpcId == $v
   and (.NatGateway.State | IN("pending", "available")) and (.NatGateway.ConnectivityType // "public") == "public"'
NAT="$(get '.NatGateway.NatGatewayId')"
[[ -n $NAT && $NAT != null ]] && NATS+=("$NAT")
poll '.NatGateways[0].State == "available"' ec2 describe-nat-gateways --nat-gateway-ids "$NAT"
check "the NAT gateway becomes available with the Elastic IP and a private IP in the subnet" --arg a "$NAT_EIP" --arg ip "$NAT_EIP_IP" \
  '.NatGateways[0].State == "available" and (.NatGateways[0].NatGatewayAddresses[0] | .AllocationId == $a and .PublicIp == $ip
   and (.PrivateIp | startswith("10.77.1.")) and (.NetworkInterfaceId | test("^eni-")))'
NAT_ENI="$(get '.NatGateways[0].NatGatewayAddresses[0].NetworkInterfaceId')"
ec2 describe-network-interfaces --filters Name=interface-type,Values=nat_gateway "Name=vpc-id,Values=$VPC"
check "the NAT gateway's interface has type nat_gateway" --arg e "$NAT_ENI" \
  '[.NetworkInterfaces[].NetworkInterfaceId] == [$e] and .NetworkInterfaces[0].InterfaceType == "nat_gateway" and .NetworkInterfaces[0].Status == "in-use"'
ec2 describe-addresses --allocation-ids "$NAT_EIP"
check "the NAT gateway's Elastic IP is associated with its interface" --arg e "$NAT_ENI" '.Addresses[0].NetworkInterfaceId == $e'
ec2 describe-nat-gateways --filter "Name=subnet-id,Values=$SUBNET_A"
check "describe-nat-gateways --filter subnet-id" --arg n "$NAT" '[.NatGateways[].NatGatewayId] == [$n]'
ec2 delete-nat-gateway --nat-gateway-id "$NAT"
check "delete-nat-gateway" --arg n "$NAT" '.NatGatewayId == $n'
poll '.NatGateways[0].State == "deleted"' ec2 describe-nat-gateways --nat-gateway-ids "$NAT"
check "the NAT gateway ends deleted" '.NatGateways[0].State == "deleted"'
ec2 describe-network-interfaces --filters Name=interface-type,Values=nat_gateway "Name=vpc-id,Values=$VPC"
check "the NAT gateway's interface is gone" '.NetworkInterfaces == []'
expect_ok "release-address of the NAT gateway's Elastic IP" ec2 release-address --allocation-id "$NAT_EIP"
NATS=()
EIPS=()

# ---------------------------------------------------------------- instances
ec2 describe-images --owners amazon --filters "Name=name,Values=amzn2-ami-hvm-*-x86_64-gp2"
check "describe-images finds an Amazon Linux 2 x86_64 gp2 AMI" '(.Images | length > 0) and all(.Images[]; (.ImageId | test("^ami-")) and (.Name | test("^amzn2-ami-hvm-.*-x86_64-gp2$")))'
AMI="$(get '.Images | sort_by(.CreationDate) | last | .ImageId')"
ec2 run-instances --image-id "$AMI" --instance-type t3.micro --subnet-id "$SUBNET_B" --security-group-ids "$SG2" --count 1 \
  --tag-specifications "ResourceType=instance,Tags=[{Key=Name,Value=cli-i-$RUN}]"
check "run-instances t3.micro answers one pending instance" --arg a "$AMI" \
  '(.Instances | length == 1) and (.Instances[0].InstanceId | test("^i-[0-9a-f]{17}$")) and .Instances[0].InstanceType == "t3.micro"
   and .Instances[0].ImageId == $a and (.Instances[0].State.Name | IN("pending", "running"))'
INSTANCE="$(get '.Instances[0].InstanceId')"
[[ -n $INSTANCE && $INSTANCE != null ]] && INSTANCES+=("$INSTANCE")
poll '.Reservations[0].Instances[0].State.Name == "running"' ec2 describe-instances --instance-ids "$INSTANCE"
check "describe-instances: running, in subnet b, with a primary interface" --arg s "$SUBNET_B" --arg v "$VPC" --arg g "$SG2" \
  '.Reservations[0].Instances[0] | .State.Name == "running" and .State.Code == 16 and .SubnetId == $s and .VpcId == $v
   and (.PrivateIpAddress | startswith("10.77.2.")) and ([.SecurityGroups[].GroupId] == [$g])
   and (.NetworkInterfaces | length == 1) and .NetworkInterfaces[0].Attachment.DeviceIndex == 0
   and (.NetworkInterfaces[0].NetworkInterfaceId | test("^eni-")) and .NetworkInterfaces[0].PrivateIpAddress == .PrivateIpAddress'
INSTANCE_ENI="$(get '.Reservations[0].Instances[0].NetworkInterfaces[0].NetworkInterfaceId')"
ec2 describe-network-interfaces --network-interface-ids "$INSTANCE_ENI"
check "the instance's interface is in-use and attached to it" --arg i "$INSTANCE" \
  '.NetworkInterfaces[0].Status == "in-use" and .NetworkInterfaces[0].Attachment.InstanceId == $i and .NetworkInterfaces[0].Attachment.DeleteOnTermination == true'
ec2 describe-instances --filters "Name=subnet-id,Values=$SUBNET_B" Name=instance-state-name,Values=running
check "describe-instances filters subnet-id + instance-state-name" --arg i "$INSTANCE" '[.Reservations[].Instances[].InstanceId] == [$i]'

ec2 stop-instances --instance-ids "$INSTANCE"
check "stop-instances: stopping from running" \
  '.StoppingInstances[0].PreviousState.Name == "running" and (.StoppingInstances[0].CurrentState.Name | IN("stopping", "stopped"))'
poll '.Reservations[0].Instances[0].State.Name == "stopped"' ec2 describe-instances --instance-ids "$INSTANCE"
check "the instance ends stopped" '.Reservations[0].Instances[0].State.Name == "stopped" and .Reservations[0].Instances[0].State.Code == 80'
ec2 start-instances --instance-ids "$INSTANCE"
check "start-instances: pending from stopped" \
  '.StartingInstances[0].PreviousState.Name == "stopped" and (.StartingInstances[0].CurrentState.Name | IN("pending", "running"))'
poll '.Reservations[0].Instances[0].State.Name == "running"' ec2 describe-instances --instance-ids "$INSTANCE"
check "the instance is running again" '.Reservations[0].Instances[0].State.Name == "running"'
ec2 describe-instance-attribute --instance-id "$INSTANCE" --attribute instanceType
check "describe-instance-attribute instanceType" --arg i "$INSTANCE" '.InstanceId == $i and .InstanceType.Value == "t3.micro"'
ec2 describe-instance-attribute --instance-id "$INSTANCE" --attribute groupSet
check "describe-instance-attribute groupSet" --arg g "$SG2" '[.Groups[].GroupId] == [$g]'
expect_error DependencyViolation "delete-security-group of a group on a running instance" ec2 delete-security-group --group-id "$SG2"

ec2 terminate-instances --instance-ids "$INSTANCE"
check "terminate-instances: shutting-down from running" \
  '.TerminatingInstances[0].PreviousState.Name == "running" and (.TerminatingInstances[0].CurrentState.Name | IN("shutting-down", "terminated"))'
poll '.Reservations[0].Instances[0].State.Name == "terminated"' ec2 describe-instances --instance-ids "$INSTANCE"
check "the instance ends terminated" '.Reservations[0].Instances[0].State.Name == "terminated" and .Reservations[0].Instances[0].State.Code == 48'
expect_error 'InvalidNetworkInterfaceID\.NotFound' "the terminated instance's interface is gone" ec2 describe-network-interfaces --network-interface-ids "$INSTANCE_ENI"
INSTANCES=()

# ---------------------------------------------------------------- managed prefix lists
ec2 create-managed-prefix-list --prefix-list-name "cli-pl-$RUN" --max-entries 5 --address-family IPv4 --entries Cidr=10.1.0.0/16,Description=one
check "create-managed-prefix-list answers a pl- id at version 1" --arg n "cli-pl-$RUN" --arg a "$ACCOUNT" \
  '(.PrefixList.PrefixListId | test("^pl-[0-9a-f]{17}$")) and .PrefixList.Version == 1 and .PrefixList.PrefixListName == $n
   and .PrefixList.MaxEntries == 5 and .PrefixList.AddressFamily == "IPv4" and .PrefixList.OwnerId == $a
   and (.PrefixList.State | IN("create-in-progress", "create-complete"))'
PL="$(get '.PrefixList.PrefixListId')"
[[ -n $PL && $PL != null ]] && PLS+=("$PL")
poll '.PrefixLists[0].State == "create-complete"' ec2 describe-managed-prefix-lists --prefix-list-ids "$PL"
check "the prefix list becomes create-complete" '.PrefixLists[0].State == "create-complete"'
ec2 modify-managed-prefix-list --prefix-list-id "$PL" --current-version 1 --add-entries Cidr=10.2.0.0/16,Description=two
check "modify-managed-prefix-list --add-entries" '.PrefixList.State | IN("modify-in-progress", "modify-complete")'
poll '.PrefixLists[0].State == "modify-complete"' ec2 describe-managed-prefix-lists --prefix-list-ids "$PL"
check "the prefix list is at version 2" '.PrefixLists[0].Version == 2 and .PrefixLists[0].State == "modify-complete"'
expect_error 'PrefixListVersionMismatch|IncorrectState|InvalidParameterValue' "modify-managed-prefix-list with a stale --current-version" \
  ec2 modify-managed-prefix-list --prefix-list-id "$PL" --current-version 1 --add-entries Cidr=10.3.0.0/16
ec2 get-managed-prefix-list-entries --prefix-list-id "$PL" --target-version 1
check "get-managed-prefix-list-entries --target-version 1: the first entry only" '[.Entries[].Cidr] == ["10.1.0.0/16"] and .Entries[0].Description == "one"'
ec2 get-managed-prefix-list-entries --prefix-list-id "$PL"
check "get-managed-prefix-list-entries (current): both entries" '[.Entries[].Cidr] | sort == ["10.1.0.0/16", "10.2.0.0/16"]'

ec2 authorize-security-group-ingress --group-id "$SG2" --ip-permissions "[{\"IpProtocol\":\"tcp\",\"FromPort\":443,\"ToPort\":443,\"PrefixListIds\":[{\"PrefixListId\":\"$PL\",\"Description\":\"from pl\"}]}]"
check "authorize-security-group-ingress from the prefix list" --arg p "$PL" \
  '.Return == true and .SecurityGroupRules[0].PrefixListId == $p and .SecurityGroupRules[0].FromPort == 443'
PL_RULE="$(get '.SecurityGroupRules[0].SecurityGroupRuleId')"
ec2 describe-security-groups --group-ids "$SG2"
check "describe-security-groups shows the prefix list in IpPermissions" --arg p "$PL" \
  'any(.SecurityGroups[0].IpPermissions[]; .FromPort == 443 and any(.PrefixListIds[]; .PrefixListId == $p and .Description == "from pl"))'
expect_error DependencyViolation "delete-managed-prefix-list while a security group references it" ec2 delete-managed-prefix-list --prefix-list-id "$PL"
expect_ok "revoke the prefix-list rule" ec2 revoke-security-group-ingress --group-id "$SG2" --security-group-rule-ids "$PL_RULE"
ec2 delete-managed-prefix-list --prefix-list-id "$PL"
check "delete-managed-prefix-list once unreferenced" '.PrefixList.State | IN("delete-in-progress", "delete-complete")'
PLS=()

# ---------------------------------------------------------------- VPC endpoints
ec2 create-vpc-endpoint --vpc-id "$VPC" --vpc-endpoint-type Interface --service-name com.amazonaws.us-east-1.ssm \
  --subnet-ids "$SUBNET_A" --security-group-ids "$SG2"
check "create-vpc-endpoint Interface (ssm) with one interface in subnet a" --arg v "$VPC" --arg g "$SG2" \
  '.VpcEndpoint | (.VpcEndpointId | test("^vpce-[0-9a-f]{17}$")) and .VpcEndpointType == "Interface" and .ServiceName == "com.amazonaws.us-east-1.ssm"
   and .VpcId == $v and (.NetworkInterfaceIds | length == 1) and ([.Groups[].GroupId] == [$g])
   and (.State | IN("pending", "available"))'
VPCE_IF="$(get '.VpcEndpoint.VpcEndpointId')"
[[ -n $VPCE_IF && $VPCE_IF != null ]] && ENDPOINTS+=("$VPCE_IF")
VPCE_ENI="$(get '.VpcEndpoint.NetworkInterfaceIds[0]')"
ec2 describe-network-interfaces --network-interface-ids "$VPCE_ENI"
check "the endpoint's interface is in subnet a with type vpc_endpoint" --arg s "$SUBNET_A" \
  '.NetworkInterfaces[0].SubnetId == $s and .NetworkInterfaces[0].InterfaceType == "vpc_endpoint"'
ec2 create-vpc-endpoint --vpc-id "$VPC" --vpc-endpoint-type Gateway --service-name com.amazonaws.us-east-1.s3 --route-table-ids "$RTB"
check "create-vpc-endpoint Gateway (s3) on the route table" --arg r "$RTB" \
  '.VpcEndpoint | (.VpcEndpointId | test("^vpce-[0-9a-f]{17}$")) and .VpcEndpointType == "Gateway" and .RouteTableIds == [$r]'
VPCE_GW="$(get '.VpcEndpoint.VpcEndpointId')"
[[ -n $VPCE_GW && $VPCE_GW != null ]] && ENDPOINTS+=("$VPCE_GW")
ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$VPC"
check "describe-vpc-endpoints filter vpc-id: both endpoints, available" --arg a "$VPCE_IF" --arg b "$VPCE_GW" \
  '([.VpcEndpoints[].VpcEndpointId] | sort) == ([$a, $b] | sort) and all(.VpcEndpoints[]; .State == "available")'
ec2 describe-route-tables --route-table-ids "$RTB"
check "the gateway endpoint adds a pl- route to the route table" --arg g "$VPCE_GW" \
  'any(.RouteTables[0].Routes[]; (.DestinationPrefixListId // "" | test("^pl-")) and .GatewayId == $g and .State == "active")'
S3_PL="$(get --arg g "$VPCE_GW" '[.RouteTables[0].Routes[] | select(.GatewayId == $g)][0].DestinationPrefixListId')"
ec2 describe-prefix-lists --prefix-list-ids "$S3_PL"
check "describe-prefix-lists: the route's pl- is the s3 prefix list" '.PrefixLists[0].PrefixListName == "com.amazonaws.us-east-1.s3"'
ec2 delete-vpc-endpoints --vpc-endpoint-ids "$VPCE_IF" "$VPCE_GW"
check "delete-vpc-endpoints of both: nothing unsuccessful" '(.Unsuccessful // []) == []'
ENDPOINTS=()
poll '(.VpcEndpoints | length == 0) or all(.VpcEndpoints[]; .State == "deleted")' ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$VPC"
check "the endpoints are gone" '(.VpcEndpoints | length == 0) or all(.VpcEndpoints[]; .State == "deleted")'
ec2 describe-route-tables --route-table-ids "$RTB"
check "the pl- route went with the gateway endpoint" 'all(.RouteTables[0].Routes[]; .DestinationPrefixListId == null)'

# ---------------------------------------------------------------- peering
ec2 create-vpc-peering-connection --vpc-id "$VPC" --peer-vpc-id "$VPC2"
check "create-vpc-peering-connection answers a pcx- id" --arg a "$VPC" --arg b "$VPC2" \
  '(.VpcPeeringConnection.VpcPeeringConnectionId | test("^pcx-[0-9a-f]{17}$")) and .VpcPeeringConnection.RequesterVpcInfo.VpcId == $a
   and .VpcPeeringConnection.AccepterVpcInfo.VpcId == $b and (.VpcPeeringConnection.Status.Code | IN("initiating-request", "pending-acceptance"))'
PCX="$(get '.VpcPeeringConnection.VpcPeeringConnectionId')"
[[ -n $PCX && $PCX != null ]] && PEERINGS+=("$PCX")
poll '.VpcPeeringConnections[0].Status.Code == "pending-acceptance"' ec2 describe-vpc-peering-connections --vpc-peering-connection-ids "$PCX"
check "the peering connection is pending-acceptance" '.VpcPeeringConnections[0].Status.Code == "pending-acceptance"'
ec2 accept-vpc-peering-connection --vpc-peering-connection-id "$PCX"
check "accept-vpc-peering-connection" --arg p "$PCX" '.VpcPeeringConnection.VpcPeeringConnectionId == $p and (.VpcPeeringConnection.Status.Code | IN("provisioning", "active"))'
poll '.VpcPeeringConnections[0].Status.Code == "active"' ec2 describe-vpc-peering-connections --vpc-peering-connection-ids "$PCX"
check "describe-vpc-peering-connections: active with both CIDRs" --arg a "$ACCOUNT" \
  '.VpcPeeringConnections[0] | .Status.Code == "active" and .RequesterVpcInfo.CidrBlock == "10.77.0.0/16" and .AccepterVpcInfo.CidrBlock == "10.78.0.0/16"
   and .RequesterVpcInfo.OwnerId == $a and .AccepterVpcInfo.OwnerId == $a'
ec2 describe-vpc-peering-connections --filters "Name=requester-vpc-info.vpc-id,Values=$VPC" Name=status-code,Values=active
check "describe-vpc-peering-connections filters requester-vpc-info.vpc-id + status-code" --arg p "$PCX" '[.VpcPeeringConnections[].VpcPeeringConnectionId] == [$p]'
ec2 delete-vpc-peering-connection --vpc-peering-connection-id "$PCX"
check "delete-vpc-peering-connection" '.Return == true'
ec2 describe-vpc-peering-connections --vpc-peering-connection-ids "$PCX"
if [[ $RC -ne 0 && $CODE == InvalidVpcPeeringConnectionID.NotFound ]] || jq -e '(.VpcPeeringConnections | length == 0) or (.VpcPeeringConnections[0].Status.Code | IN("deleting", "deleted"))' <<<"$OUT" >/dev/null 2>&1; then
  pass "the peering connection is deleted"
else
  fail "the peering connection is deleted: got ${CODE:-exit $RC} $(oneline "$OUT")"
fi
PEERINGS=()

# ---------------------------------------------------------------- route tables: detach, disassociate, delete
expect_ok "detach-internet-gateway" ec2 detach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC"
ec2 describe-route-tables --route-table-ids "$RTB"
check "the route via the detached gateway shows blackhole" --arg i "$IGW" \
  'any(.RouteTables[0].Routes[]; .DestinationCidrBlock == "0.0.0.0/0" and .GatewayId == $i and .State == "blackhole")'
expect_ok "disassociate-route-table" ec2 disassociate-route-table --association-id "$RTB_ASSOC"
ec2 describe-route-tables --filters "Name=association.subnet-id,Values=$SUBNET_B"
check "subnet b is no longer explicitly associated" '.RouteTables == []'
expect_ok "delete-route 0.0.0.0/0" ec2 delete-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0
ec2 describe-route-tables --route-table-ids "$RTB"
check "only the local route is left" '[.RouteTables[0].Routes[].GatewayId] == ["local"]'
expect_error 'InvalidRoute\.NotFound' "delete-route of a missing route" ec2 delete-route --route-table-id "$RTB" --destination-cidr-block 0.0.0.0/0
expect_ok "delete-route-table" ec2 delete-route-table --route-table-id "$RTB"
expect_error 'InvalidRouteTableID\.NotFound' "describe the deleted route table" ec2 describe-route-tables --route-table-ids "$RTB"
RTBS=()
expect_ok "delete-internet-gateway" ec2 delete-internet-gateway --internet-gateway-id "$IGW"
expect_error 'InvalidInternetGatewayID\.NotFound' "describe the deleted internet gateway" ec2 describe-internet-gateways --internet-gateway-ids "$IGW"
IGWS=()

# ---------------------------------------------------------------- interfaces: delete, then the dependencies are gone
expect_ok "delete-network-interface" ec2 delete-network-interface --network-interface-id "$ENI"
expect_error 'InvalidNetworkInterfaceID\.NotFound' "describe the deleted interface" ec2 describe-network-interfaces --network-interface-ids "$ENI"
expect_ok "delete-network-interface in subnet c" ec2 delete-network-interface --network-interface-id "$ENI_C"
ENIS=()
expect_ok "delete-security-group once no interface uses it" ec2 delete-security-group --group-id "$SG1"
expect_ok "delete-subnet once it has no interface" ec2 delete-subnet --subnet-id "$SUBNET_C"
ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC"
check "no network interfaces are left in the VPC" '.NetworkInterfaces == []'

# ---------------------------------------------------------------- teardown
expect_ok "delete-security-group two" ec2 delete-security-group --group-id "$SG2"
expect_ok "delete-subnet a" ec2 delete-subnet --subnet-id "$SUBNET_A"
expect_ok "delete-subnet b" ec2 delete-subnet --subnet-id "$SUBNET_B"
expect_ok "delete-vpc" ec2 delete-vpc --vpc-id "$VPC"
expect_ok "delete-vpc (peer)" ec2 delete-vpc --vpc-id "$VPC2"
CREATED_VPCS=()

echo "aws-cli-networking: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]

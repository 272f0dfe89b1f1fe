#!/usr/bin/env bash
# AWS CLI Reachability Analyzer run against a running ControlPlane emulator.
#
#   CONTROLPLANE_ENDPOINT=http://localhost:4566 tests/clients/aws-cli-reachability.sh
#
# Builds a small network (two subnets, an application and a database instance, their groups, an internet
# gateway, an instance with and one without a public address) through the unmodified AWS CLI, then drives
# create-network-insights-path / start-network-insights-analysis / describe-network-insights-analyses and
# asserts the verdicts and explanation codes AWS gives: an allowed pair, a pair blocked by the database's
# security group, the same pair blocked by a network ACL deny, the internet to the instances. botocore has no
# waiter for analyses (waiters-2.json lists none), so the script polls describe-network-insights-analyses the
# way AWS's own guide does. One line per check, then "aws-cli-reachability: N passed, M failed"; the exit
# code is non-zero when a check failed.
#
# Environment:
#   CONTROLPLANE_ENDPOINT  emulator URL (default http://localhost:4566)
#   CONTROLPLANE_ACCOUNT   12-digit account to act as (default: a fresh one per run, so quotas are its own)
# Needs: aws (v1 or v2), jq.
set -uo pipefail

ENDPOINT="${CONTROLPLANE_ENDPOINT:-http://localhost:4566}"
ACCOUNT="${CONTROLPLANE_ACCOUNT:-$(printf '7%05d%06d' $((RANDOM % 100000)) $(($$ % 1000000)))}"
REGION="us-east-1"
RUN="$(date +%s)-$$"

for tool in aws jq; do
  command -v "$tool" >/dev/null 2>&1 || { echo "aws-cli-reachability: $tool is required but not installed"; echo "aws-cli-reachability: 0 passed, 1 failed"; exit 2; }
done

# A clean, self-contained CLI environment: a 12-digit access key is the account the emulator acts as.
WORK="$(mktemp -d)"
: >"$WORK/config"
: >"$WORK/credentials"
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_EC2 \
      AWS_ENDPOINT_URL_STS AWS_IGNORE_CONFIGURED_ENDPOINT_URLS AWS_REGION
export AWS_CONFIG_FILE="$WORK/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/credentials"
export AWS_ACCESS_KEY_ID="$ACCOUNT" AWS_SECRET_ACCESS_KEY="test" AWS_DEFAULT_REGION="$REGION"
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

VPC=""
DB_SG=""
PATHS=()
ANALYSES=()
INSTANCES=()
IGW=""

# Best-effort removal of everything this run created, also after an early failure (not counted).
cleanup() {
  local x ids
  local c=(aws --endpoint-url "$ENDPOINT" --output json ec2)
  for x in "${ANALYSES[@]}"; do "${c[@]}" delete-network-insights-analysis --network-insights-analysis-id "$x" >/dev/null 2>&1; done
  for x in "${PATHS[@]}"; do "${c[@]}" delete-network-insights-path --network-insights-path-id "$x" >/dev/null 2>&1; done
  [[ ${#INSTANCES[@]} -gt 0 ]] && "${c[@]}" terminate-instances --instance-ids "${INSTANCES[@]}" >/dev/null 2>&1 && sleep 2
  if [[ -n $VPC ]]; then
    for x in $("${c[@]}" describe-route-tables --filters "Name=vpc-id,Values=$VPC" Name=association.main,Values=false 2>/dev/null |
      jq -r '.RouteTables[].RouteTableId' 2>/dev/null); do
      for ids in $("${c[@]}" describe-route-tables --route-table-ids "$x" 2>/dev/null | jq -r '.RouteTables[0].Associations[]?.RouteTableAssociationId' 2>/dev/null); do
        "${c[@]}" disassociate-route-table --association-id "$ids" >/dev/null 2>&1
      done
      "${c[@]}" delete-route-table --route-table-id "$x" >/dev/null 2>&1
    done
    if [[ -n $IGW ]]; then
      "${c[@]}" detach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC" >/dev/null 2>&1
      "${c[@]}" delete-internet-gateway --internet-gateway-id "$IGW" >/dev/null 2>&1
    fi
    for x in $("${c[@]}" describe-subnets --filters "Name=vpc-id,Values=$VPC" 2>/dev/null | jq -r '.Subnets[].SubnetId' 2>/dev/null); do
      ids="$("${c[@]}" describe-network-acls --filters "Name=vpc-id,Values=$VPC" Name=default,Values=true 2>/dev/null | jq -r '.NetworkAcls[0].NetworkAclId' 2>/dev/null)"
      for assoc in $("${c[@]}" describe-network-acls --filters "Name=association.subnet-id,Values=$x" Name=default,Values=false 2>/dev/null |
        jq -r --arg s "$x" '.NetworkAcls[].Associations[] | select(.SubnetId == $s) | .NetworkAclAssociationId' 2>/dev/null); do
        "${c[@]}" replace-network-acl-association --association-id "$assoc" --network-acl-id "$ids" >/dev/null 2>&1
      done
    done
    for x in $("${c[@]}" describe-network-acls --filters "Name=vpc-id,Values=$VPC" Name=default,Values=false 2>/dev/null | jq -r '.NetworkAcls[].NetworkAclId' 2>/dev/null); do
      "${c[@]}" delete-network-acl --network-acl-id "$x" >/dev/null 2>&1
    done
    if [[ -n $DB_SG ]]; then
      for x in $("${c[@]}" describe-security-group-rules --filters "Name=group-id,Values=$DB_SG" 2>/dev/null |
        jq -r '.SecurityGroupRules[] | select(.IsEgress | not) | .SecurityGroupRuleId' 2>/dev/null); do
        "${c[@]}" revoke-security-group-ingress --group-id "$DB_SG" --security-group-rule-ids "$x" >/dev/null 2>&1
      done
    fi
    for x in $("${c[@]}" describe-security-groups --filters "Name=vpc-id,Values=$VPC" 2>/dev/null | jq -r '.SecurityGroups[] | select(.GroupName != "default") | .GroupId' 2>/dev/null); do
      "${c[@]}" delete-security-group --group-id "$x" >/dev/null 2>&1
    done
    for x in $("${c[@]}" describe-subnets --filters "Name=vpc-id,Values=$VPC" 2>/dev/null | jq -r '.Subnets[].SubnetId' 2>/dev/null); do
      "${c[@]}" delete-subnet --subnet-id "$x" >/dev/null 2>&1
    done
    "${c[@]}" delete-vpc --vpc-id "$VPC" >/dev/null 2>&1
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# analyse PATH-ID: start an analysis, check it answers "running", then poll describe until it has succeeded (OUT is the analysis).
analyse() {
  local path=$1 id i
  ec2 start-network-insights-analysis --network-insights-path-id "$path"
  check "start-network-insights-analysis answers a running nia- analysis of $path" --arg p "$path" \
    '(.NetworkInsightsAnalysis.NetworkInsightsAnalysisId | test("^nia-[0-9a-f]{17}$")) and .NetworkInsightsAnalysis.Status == "running"
     and .NetworkInsightsAnalysis.NetworkInsightsPathId == $p and (.NetworkInsightsAnalysis.StartDate | length > 0)'
  id="$(get '.NetworkInsightsAnalysis.NetworkInsightsAnalysisId')"
  [[ -n $id && $id != null ]] && ANALYSES+=("$id")
  for ((i = 0; i < 30; i++)); do
    ec2 describe-network-insights-analyses --network-insights-analysis-ids "$id"
    [[ $RC -eq 0 && $(get '.NetworkInsightsAnalyses[0].Status') != running ]] && break
    sleep 1
  done
  check "describe-network-insights-analyses shows it succeeded" '.NetworkInsightsAnalyses[0].Status == "succeeded"'
  OUT="$(jq '.NetworkInsightsAnalyses[0]' <<<"$OUT")"
}

# new_path DESC ARGS...: create-network-insights-path; PATH_ID is the new path.
new_path() {
  local desc=$1
  shift
  ec2 create-network-insights-path --protocol tcp "$@"
  check "create-network-insights-path $desc" '.NetworkInsightsPath.NetworkInsightsPathId | test("^nip-[0-9a-f]{17}$")'
  PATH_ID="$(get '.NetworkInsightsPath.NetworkInsightsPathId')"
  [[ -n $PATH_ID && $PATH_ID != null ]] && PATHS+=("$PATH_ID")
}

echo "aws-cli-reachability: endpoint $ENDPOINT, account $ACCOUNT, run $RUN, $(aws --version 2>&1 | head -n1)"

# ---------------------------------------------------------------- the network
ec2 create-vpc --cidr-block 10.88.0.0/16
check "create-vpc 10.88.0.0/16" '.Vpc.VpcId | test("^vpc-")'
VPC="$(get '.Vpc.VpcId')"
ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.88.1.0/24 --availability-zone us-east-1a
APP_SUBNET="$(get '.Subnet.SubnetId')"
ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.88.2.0/24 --availability-zone us-east-1b
check "two subnets" '.Subnet.SubnetId | test("^subnet-")'
DB_SUBNET="$(get '.Subnet.SubnetId')"

ec2 create-security-group --vpc-id "$VPC" --group-name "app-$RUN" --description app
APP_SG="$(get '.GroupId')"
ec2 create-security-group --vpc-id "$VPC" --group-name "db-$RUN" --description db
check "two groups" '.GroupId | test("^sg-")'
DB_SG="$(get '.GroupId')"
expect_ok "the database group admits tcp 5432 from the application group" \
  ec2 authorize-security-group-ingress --group-id "$DB_SG" --ip-permissions "IpProtocol=tcp,FromPort=5432,ToPort=5432,UserIdGroupPairs=[{GroupId=$APP_SG}]"
expect_ok "the application group admits tcp 80 from anywhere" \
  ec2 authorize-security-group-ingress --group-id "$APP_SG" --ip-permissions "IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0}]"

# The ends are instances: an interface attached to nothing is BAD_STATE as an end of a path.
ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --count 1 --subnet-id "$APP_SUBNET" --security-group-ids "$APP_SG"
check "run-instances: the application instance" '.Instances[0].InstanceId | test("^i-")'
APP_I="$(get '.Instances[0].InstanceId')"
[[ -n $APP_I && $APP_I != null ]] && INSTANCES+=("$APP_I")
ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --count 1 --subnet-id "$DB_SUBNET" --security-group-ids "$DB_SG"
check "run-instances: the database instance" '.Instances[0].InstanceId | test("^i-")'
DB_I="$(get '.Instances[0].InstanceId')"
DB_ENI="$(get '.Instances[0].NetworkInterfaces[0].NetworkInterfaceId')"
[[ -n $DB_I && $DB_I != null ]] && INSTANCES+=("$DB_I")

# ---------------------------------------------------------------- paths: shapes and errors
new_path "app -> db tcp 5432" --source "$APP_I" --destination "$DB_I" --destination-port 5432
check "the path shows its ends, their ARNs and tcp" --arg s "$APP_I" --arg d "$DB_I" \
  '.NetworkInsightsPath | .Source == $s and .Destination == $d and .Protocol == "tcp" and .DestinationPort == 5432
   and (.SourceArn | endswith(":instance/" + $s)) and (.DestinationArn | endswith(":instance/" + $d))'
ALLOWED="$PATH_ID"
new_path "app -> db tcp 22" --source "$APP_I" --destination "$DB_I" --destination-port 22
SG_BLOCKED="$PATH_ID"
ec2 describe-network-insights-paths --filters "Name=source,Values=$APP_I" Name=protocol,Values=tcp
check "describe-network-insights-paths by source and protocol finds both" --arg a "$ALLOWED" --arg b "$SG_BLOCKED" \
  '[.NetworkInsightsPaths[].NetworkInsightsPathId] | sort == ([$a, $b] | sort)'
expect_error 'NetworkInsightsSource\.NotFound' "create-network-insights-path from an interface that does not exist" \
  ec2 create-network-insights-path --source i-0123456789abcdef0 --destination "$DB_I" --protocol tcp
expect_error MissingParameter "create-network-insights-path with neither a destination nor a destination address" \
  ec2 create-network-insights-path --source "$APP_I" --protocol tcp

# ---------------------------------------------------------------- analyses: allowed, blocked by a group
analyse "$ALLOWED"
check "app -> db 5432: a path is found" '.NetworkPathFound == true and ((.Explanations // []) | length == 0)'
check "the forward path passes the database group's rule for 5432, ingress" --arg g "$DB_SG" \
  'any(.ForwardPathComponents[]; .SecurityGroupRule.SecurityGroupId == $g and .SecurityGroupRule.Direction == "ingress" and .SecurityGroupRule.PortRange.From == 5432)'
check "the forward path leaves the application instance and reaches the database interface" --arg s "$APP_I" --arg d "$DB_ENI" \
  '(.ForwardPathComponents | sort_by(.SequenceNumber)) as $c | any($c[]; .Component.Id == $s or .AttachedTo.Id == $s) and any($c[]; .Component.Id == $d)'
check "the return path is listed too" '(.ReturnPathComponents | length) > 0'

analyse "$SG_BLOCKED"
check "app -> db 22: no path" '.NetworkPathFound == false'
check "ENI_SG_RULES_MISMATCH at the database interface, ingress, naming its group" --arg d "$DB_ENI" --arg g "$DB_SG" \
  'any(.Explanations[]; .ExplanationCode == "ENI_SG_RULES_MISMATCH" and .Direction == "ingress" and .NetworkInterface.Id == $d and any(.SecurityGroups[]; .Id == $g))'

ec2 describe-network-insights-analyses --network-insights-path-id "$SG_BLOCKED" --filters Name=path-found,Values=false
check "describe-network-insights-analyses by path and path-found=false" --arg p "$SG_BLOCKED" \
  '(.NetworkInsightsAnalyses | length) == 1 and .NetworkInsightsAnalyses[0].NetworkInsightsPathId == $p'
ec2 describe-network-insights-analyses --filters Name=status,Values=succeeded
check "describe-network-insights-analyses by status=succeeded finds both" '(.NetworkInsightsAnalyses | length) == 2'
expect_error 'InvalidNetworkInsightsAnalysisId\.NotFound' "describe an analysis that does not exist" \
  ec2 describe-network-insights-analyses --network-insights-analysis-ids nia-0123456789abcdef0

# ---------------------------------------------------------------- a network ACL deny on the database subnet
ec2 create-network-acl --vpc-id "$VPC"
ACL="$(get '.NetworkAcl.NetworkAclId')"
expect_ok "acl entry 90: deny tcp 5432 from the application subnet" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 90 --protocol 6 --port-range From=5432,To=5432 --cidr-block 10.88.1.0/24 --rule-action deny
expect_ok "acl entry 100: allow everything in" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --ingress --rule-number 100 --protocol -1 --cidr-block 0.0.0.0/0 --rule-action allow
expect_ok "acl entry 100: allow everything out" \
  ec2 create-network-acl-entry --network-acl-id "$ACL" --egress --rule-number 100 --protocol -1 --cidr-block 0.0.0.0/0 --rule-action allow
ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$DB_SUBNET"
ASSOC="$(jq -r --arg s "$DB_SUBNET" '.NetworkAcls[0].Associations[] | select(.SubnetId == $s) | .NetworkAclAssociationId' <<<"$OUT")"
expect_ok "the database subnet moves to the new ACL" ec2 replace-network-acl-association --association-id "$ASSOC" --network-acl-id "$ACL"

analyse "$ALLOWED"
check "app -> db 5432 after the ACL change: no path (the analysis sees the change)" '.NetworkPathFound == false'
check "SUBNET_ACL_RESTRICTION on the database subnet, ingress, rule 90 deny" --arg a "$ACL" --arg s "$DB_SUBNET" \
  'any(.Explanations[]; .ExplanationCode == "SUBNET_ACL_RESTRICTION" and .Direction == "ingress" and .Acl.Id == $a and .Subnet.Id == $s
     and .AclRule.RuleNumber == 90 and .AclRule.RuleAction == "deny")'

# ---------------------------------------------------------------- the internet to instances with and without a public address
ec2 create-internet-gateway
IGW="$(get '.InternetGateway.InternetGatewayId')"
expect_ok "attach-internet-gateway" ec2 attach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC"
ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" Name=association.main,Values=true
expect_ok "main route table: 0.0.0.0/0 to the gateway" \
  ec2 create-route --route-table-id "$(get '.RouteTables[0].RouteTableId')" --destination-cidr-block 0.0.0.0/0 --gateway-id "$IGW"
ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --count 1 \
  --network-interfaces "DeviceIndex=0,SubnetId=$APP_SUBNET,Groups=$APP_SG,AssociatePublicIpAddress=true"
check "run-instances with a public address" '.Instances[0].InstanceId | test("^i-")'
PUBLIC_I="$(get '.Instances[0].InstanceId')"
[[ -n $PUBLIC_I && $PUBLIC_I != null ]] && INSTANCES+=("$PUBLIC_I")
ec2 run-instances --image-id ami-0123456789abcdef0 --instance-type t3.micro --count 1 --subnet-id "$APP_SUBNET" --security-group-ids "$APP_SG"
check "run-instances without one" '.Instances[0].InstanceId | test("^i-")'
PRIVATE_I="$(get '.Instances[0].InstanceId')"
[[ -n $PRIVATE_I && $PRIVATE_I != null ]] && INSTANCES+=("$PRIVATE_I")

new_path "internet gateway -> public instance tcp 80" --source "$IGW" --destination "$PUBLIC_I" --destination-port 80
analyse "$PATH_ID"
check "the internet reaches the instance with a public address on 80" '.NetworkPathFound == true'
check "the path enters through the internet gateway" --arg g "$IGW" 'any(.ForwardPathComponents[]; .Component.Id == $g)'
new_path "internet gateway -> private instance tcp 80" --source "$IGW" --destination "$PRIVATE_I" --destination-port 80
analyse "$PATH_ID"
check "the internet does not reach the instance without one" '.NetworkPathFound == false'
check "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS names the gateway" --arg g "$IGW" \
  'any(.Explanations[]; .ExplanationCode == "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS" and .InternetGateway.Id == $g)'

# ---------------------------------------------------------------- deleting: analyses first, then the path
expect_error AnalysisExistsForNetworkInsightsPath "delete-network-insights-path while it has analyses" \
  ec2 delete-network-insights-path --network-insights-path-id "$ALLOWED"
for id in "${ANALYSES[@]}"; do
  ec2 delete-network-insights-analysis --network-insights-analysis-id "$id"
  check "delete-network-insights-analysis $id" --arg i "$id" '.NetworkInsightsAnalysisId == $i'
done
ANALYSES=()
for id in "${PATHS[@]}"; do
  expect_ok "delete-network-insights-path $id" ec2 delete-network-insights-path --network-insights-path-id "$id"
done
PATHS=()
ec2 describe-network-insights-paths
check "no paths are left" '.NetworkInsightsPaths == []'
expect_error 'InvalidNetworkInsightsPathId\.NotFound' "delete a deleted path" ec2 delete-network-insights-path --network-insights-path-id "$ALLOWED"

echo "aws-cli-reachability: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]

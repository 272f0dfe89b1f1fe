#!/usr/bin/env bash
# AWS CLI lifecycle against a running ControlPlane emulator.
#
#   CONTROLPLANE_ENDPOINT=http://localhost:4566 tests/clients/aws-cli.sh
#
# Drives every action of the foundation milestone through the unmodified AWS CLI and asserts what
# AWS answers (values and error codes, never messages). One line per check, then
# "aws-cli: N passed, M failed"; the exit code is non-zero when a check failed.
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
  command -v "$tool" >/dev/null 2>&1 || { echo "aws-cli: $tool is required but not installed"; echo "aws-cli: 0 passed, 1 failed"; exit 2; }
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

CREATED_VPCS=()
DEFAULT_VPC_SGS=()

# Best-effort removal of everything this run created, also after an early failure (not counted).
cleanup() {
  local vpc sg rule ids
  for sg in "${DEFAULT_VPC_SGS[@]}"; do
    aws --endpoint-url "$ENDPOINT" ec2 delete-security-group --group-id "$sg" >/dev/null 2>&1
  done
  for vpc in "${CREATED_VPCS[@]}"; do
    ids="$(aws --endpoint-url "$ENDPOINT" --output json ec2 describe-security-groups --filters "Name=vpc-id,Values=$vpc" 2>/dev/null |
      jq -r '.SecurityGroups[] | select(.GroupName != "default") | .GroupId' 2>/dev/null)"
    for sg in $ids; do
      aws --endpoint-url "$ENDPOINT" --output json ec2 describe-security-group-rules --filters "Name=group-id,Values=$sg" 2>/dev/null |
        jq -r '.SecurityGroupRules[] | "\(.IsEgress) \(.SecurityGroupRuleId)"' 2>/dev/null |
        while read -r egress rule; do
          if [[ $egress == true ]]; then
            aws --endpoint-url "$ENDPOINT" ec2 revoke-security-group-egress --group-id "$sg" --security-group-rule-ids "$rule" >/dev/null 2>&1
          else
            aws --endpoint-url "$ENDPOINT" ec2 revoke-security-group-ingress --group-id "$sg" --security-group-rule-ids "$rule" >/dev/null 2>&1
          fi
        done
    done
    for sg in $ids; do
      aws --endpoint-url "$ENDPOINT" ec2 delete-security-group --group-id "$sg" >/dev/null 2>&1
    done
    for sg in $(aws --endpoint-url "$ENDPOINT" --output json ec2 describe-subnets --filters "Name=vpc-id,Values=$vpc" 2>/dev/null |
      jq -r '.Subnets[].SubnetId' 2>/dev/null); do
      aws --endpoint-url "$ENDPOINT" ec2 delete-subnet --subnet-id "$sg" >/dev/null 2>&1
    done
    aws --endpoint-url "$ENDPOINT" ec2 delete-vpc --vpc-id "$vpc" >/dev/null 2>&1
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "aws-cli: endpoint $ENDPOINT, run $RUN, $(aws --version 2>&1 | head -n1)"

# ---------------------------------------------------------------- identity, regions, endpoints
sts get-caller-identity
check "sts get-caller-identity answers the default account $ACCOUNT" --arg a "$ACCOUNT" '.Account == $a and (.Arn | contains($a)) and (.UserId | length > 0)'

AWS_ACCESS_KEY_ID="$OTHER_ACCOUNT" sts get-caller-identity
check "a 12-digit access key selects account $OTHER_ACCOUNT" --arg a "$OTHER_ACCOUNT" '.Account == $a'

AWS_ENDPOINT_URL="$ENDPOINT" run ec2 describe-regions
check "AWS_ENDPOINT_URL: describe-regions lists us-east-1, us-west-2, eu-west-1" \
  '[.Regions[].RegionName] as $r | ["us-east-1","us-west-2","eu-west-1"] | all(. as $x | $r | index($x))'

# The EC2-specific variable must win over a dead global one.
AWS_ENDPOINT_URL="http://127.0.0.1:9" AWS_ENDPOINT_URL_EC2="$ENDPOINT" run ec2 describe-availability-zones
check "AWS_ENDPOINT_URL_EC2: describe-availability-zones answers us-east-1 zones" \
  '(.AvailabilityZones | length >= 2) and all(.AvailabilityZones[]; .RegionName == "us-east-1" and .State == "available" and (.ZoneName | startswith("us-east-1")) and (.ZoneId | length > 0))'
mapfile -t AZS < <(get '.AvailabilityZones[].ZoneName' | sort)
AZ1="${AZS[0]:-us-east-1a}"
AZ2="${AZS[1]:-us-east-1b}"

ec2 describe-availability-zones --region eu-west-1
check "the region comes from the signature: eu-west-1 zones" 'all(.AvailabilityZones[]; .RegionName == "eu-west-1" and (.ZoneName | startswith("eu-west-1")))'

ec2 describe-availability-zones --zone-names "$AZ1"
check "describe-availability-zones --zone-names $AZ1 answers only that zone" --arg z "$AZ1" '[.AvailabilityZones[].ZoneName] == [$z]'

# ---------------------------------------------------------------- default VPC
ec2 describe-vpcs --filters Name=is-default,Values=true
check "one default VPC 172.31.0.0/16, available, owned by the account" --arg a "$ACCOUNT" \
  '(.Vpcs | length == 1) and .Vpcs[0].CidrBlock == "172.31.0.0/16" and .Vpcs[0].IsDefault == true and .Vpcs[0].State == "available" and .Vpcs[0].OwnerId == $a'
DEFAULT_VPC="$(get '.Vpcs[0].VpcId')"

ec2 describe-account-attributes
check "describe-account-attributes: supported-platforms VPC and default-vpc = the default VPC" --arg v "$DEFAULT_VPC" \
  '(.AccountAttributes | map({key: .AttributeName, value: [.AttributeValues[].AttributeValue]}) | from_entries) as $a
   | ($a["supported-platforms"] | index("VPC")) and $a["default-vpc"] == [$v]'

ec2 describe-subnets --filters "Name=vpc-id,Values=$DEFAULT_VPC" Name=default-for-az,Values=true
check "one default /20 subnet per availability zone in the default VPC" --argjson azs "$(printf '%s\n' "${AZS[@]}" | jq -R . | jq -s .)" \
  '([.Subnets[].AvailabilityZone] | sort) == $azs
   and all(.Subnets[]; (.CidrBlock | startswith("172.31.") and endswith("/20")) and .DefaultForAz == true and .MapPublicIpOnLaunch == true and .State == "available" and .AvailableIpAddressCount == 4091)'

ec2 describe-vpc-attribute --vpc-id "$DEFAULT_VPC" --attribute enableDnsHostnames
check "the default VPC has DNS hostnames enabled" '.EnableDnsHostnames.Value == true'

AWS_ACCESS_KEY_ID="$OTHER_ACCOUNT" ec2 describe-vpcs --filters Name=is-default,Values=true
check "account $OTHER_ACCOUNT has its own default VPC" --arg a "$OTHER_ACCOUNT" --arg v "$DEFAULT_VPC" \
  '(.Vpcs | length == 1) and .Vpcs[0].OwnerId == $a and .Vpcs[0].VpcId != $v'

ec2 describe-vpcs --filters Name=is-default,Values=true --region us-west-2
check "us-west-2 has its own default VPC" --arg v "$DEFAULT_VPC" '(.Vpcs | length == 1) and .Vpcs[0].VpcId != $v'

ec2 create-security-group --group-name "cli-default-vpc-$RUN" --description "in the default VPC"
check "create-security-group without --vpc-id goes to the default VPC" '.GroupId | test("^sg-[0-9a-f]{17}$")'
DEFSG="$(get '.GroupId')"
[[ -n $DEFSG && $DEFSG != null ]] && DEFAULT_VPC_SGS+=("$DEFSG")
ec2 describe-security-groups --group-ids "$DEFSG"
check "... and describe-security-groups shows it there" --arg v "$DEFAULT_VPC" '.SecurityGroups[0].VpcId == $v'
expect_ok "delete-security-group --group-name works in the default VPC" ec2 delete-security-group --group-name "cli-default-vpc-$RUN"

# ---------------------------------------------------------------- VPC
VPC_CIDR="10.42.0.0/16"
ec2 describe-vpcs --filters "Name=cidr,Values=$VPC_CIDR"
VPC_COUNT_BEFORE="$(get '.Vpcs | length')"

expect_error DryRunOperation "create-vpc --dry-run" ec2 create-vpc --cidr-block "$VPC_CIDR" --dry-run
expect_error 'InvalidVpc\.Range' "create-vpc 10.0.0.0/8 (larger than /16)" ec2 create-vpc --cidr-block 10.0.0.0/8
expect_error 'InvalidVpc\.Range' "create-vpc 10.0.0.0/29 (smaller than /28)" ec2 create-vpc --cidr-block 10.0.0.0/29
ec2 describe-vpcs --filters "Name=cidr,Values=$VPC_CIDR,10.0.0.0/8,10.0.0.0/29"
check "rejected create-vpc calls created nothing" --argjson n "${VPC_COUNT_BEFORE:-0}" '.Vpcs | length == $n'

ec2 create-vpc --cidr-block "$VPC_CIDR" \
  --tag-specifications "ResourceType=vpc,Tags=[{Key=Name,Value=cli-vpc-$RUN},{Key=run,Value=$RUN}]"
check "create-vpc answers a vpc- id" '.Vpc.VpcId | test("^vpc-[0-9a-f]{17}$")'
VPC="$(get '.Vpc.VpcId')"
[[ -n $VPC && $VPC != null ]] && CREATED_VPCS+=("$VPC")
check "create-vpc response fields" --arg a "$ACCOUNT" --arg n "cli-vpc-$RUN" \
  '.Vpc.CidrBlock == "10.42.0.0/16" and .Vpc.IsDefault == false and .Vpc.InstanceTenancy == "default" and .Vpc.OwnerId == $a
   and (.Vpc.State == "pending" or .Vpc.State == "available") and (.Vpc.Tags | from_entries | .Name == $n)'

ec2 describe-vpcs --vpc-ids "$VPC"
check "describe-vpcs --vpc-ids: available, tagged, CIDR association associated, DHCP options set" --arg n "cli-vpc-$RUN" \
  '(.Vpcs | length == 1) and .Vpcs[0].State == "available" and (.Vpcs[0].Tags | from_entries | .Name == $n)
   and .Vpcs[0].CidrBlockAssociationSet[0].CidrBlock == "10.42.0.0/16" and .Vpcs[0].CidrBlockAssociationSet[0].CidrBlockState.State == "associated"
   and (.Vpcs[0].DhcpOptionsId | length > 0) and .Vpcs[0].InstanceTenancy == "default"'

ec2 describe-vpcs --filters "Name=tag:Name,Values=cli-vpc-$RUN"
check "describe-vpcs filter tag:Name" --arg v "$VPC" '[.Vpcs[].VpcId] == [$v]'
ec2 describe-vpcs --filters Name=tag-key,Values=run "Name=tag-value,Values=$RUN"
check "describe-vpcs filters tag-key + tag-value" --arg v "$VPC" '[.Vpcs[].VpcId] == [$v]'
ec2 describe-vpcs --filters "Name=cidr-block-association.cidr-block,Values=$VPC_CIDR" "Name=vpc-id,Values=$VPC"
check "describe-vpcs filters cidr-block-association.cidr-block + vpc-id" --arg v "$VPC" '[.Vpcs[].VpcId] == [$v]'
ec2 describe-vpcs --filters "Name=tag:Name,Values=cli-vpc-$RUN-nope"
check "describe-vpcs with a non-matching filter answers an empty list" '.Vpcs == []'
expect_error InvalidParameterValue "describe-vpcs with an unknown filter name" ec2 describe-vpcs --filters Name=no-such-filter,Values=x
expect_error 'InvalidVpcID\.NotFound' "describe-vpcs of an unknown vpc id" ec2 describe-vpcs --vpc-ids vpc-0123456789abcdef0
expect_error 'InvalidVpcID\.Malformed' "describe-vpcs of a malformed vpc id" ec2 describe-vpcs --vpc-ids vpc-xyz
expect_error DryRunOperation "describe-vpcs --dry-run" ec2 describe-vpcs --vpc-ids "$VPC" --dry-run

AWS_ACCESS_KEY_ID="$OTHER_ACCOUNT" ec2 describe-vpcs --vpc-ids "$VPC"
if [[ $CODE == InvalidVpcID.NotFound ]]; then pass "another account cannot see the VPC -> $CODE"; else fail "another account cannot see the VPC: got ${CODE:-exit $RC} $(oneline "$OUT")"; fi
ec2 describe-vpcs --vpc-ids "$VPC" --region us-west-2
if [[ $CODE == InvalidVpcID.NotFound ]]; then pass "another region cannot see the VPC -> $CODE"; else fail "another region cannot see the VPC: got ${CODE:-exit $RC} $(oneline "$OUT")"; fi

# What every new VPC comes with.
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" Name=group-name,Values=default
check "the VPC's default security group: ingress from itself, egress to 0.0.0.0/0" --arg a "$ACCOUNT" \
  '(.SecurityGroups | length == 1) and (.SecurityGroups[0] as $g
     | $g.GroupName == "default" and $g.Description == "default VPC security group" and $g.OwnerId == $a
     and ($g.IpPermissions | length == 1) and $g.IpPermissions[0].IpProtocol == "-1"
     and $g.IpPermissions[0].UserIdGroupPairs[0].GroupId == $g.GroupId and $g.IpPermissions[0].UserIdGroupPairs[0].UserId == $a
     and ($g.IpPermissionsEgress | length == 1) and $g.IpPermissionsEgress[0].IpProtocol == "-1"
     and $g.IpPermissionsEgress[0].IpRanges == [{"CidrIp": "0.0.0.0/0"}])'
DEFAULT_SG="$(get '.SecurityGroups[0].GroupId')"

ec2 describe-network-acls --filters "Name=vpc-id,Values=$VPC" Name=default,Values=true
check "the VPC's default network ACL: rule 100 allow and * deny both ways" \
  '(.NetworkAcls | length == 1) and .NetworkAcls[0].IsDefault == true and (.NetworkAcls[0].Entries as $e
     | ($e | length == 4) and ([false, true] | all(. as $out
         | ($e | any(.Egress == $out and .RuleNumber == 100 and .RuleAction == "allow" and .Protocol == "-1" and .CidrBlock == "0.0.0.0/0"))
         and ($e | any(.Egress == $out and .RuleNumber == 32767 and .RuleAction == "deny" and .Protocol == "-1" and .CidrBlock == "0.0.0.0/0")))))'
DEFAULT_ACL="$(get '.NetworkAcls[0].NetworkAclId')"
check "the default network ACL has an acl- id and no associations yet" '(.NetworkAcls[0].NetworkAclId | test("^acl-[0-9a-f]{17}$")) and .NetworkAcls[0].Associations == []'

ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" Name=association.main,Values=true
check "the VPC's main route table with the local route" \
  '(.RouteTables | length == 1) and (.RouteTables[0].RouteTableId | test("^rtb-[0-9a-f]{17}$"))
   and any(.RouteTables[0].Associations[]; .Main == true)
   and any(.RouteTables[0].Routes[]; .DestinationCidrBlock == "10.42.0.0/16" and .GatewayId == "local" and .State == "active")'

ec2 describe-internet-gateways --filters "Name=attachment.vpc-id,Values=$VPC"
check "no internet gateway is attached to a new VPC" '.InternetGateways == []'
ec2 describe-network-interfaces --filters "Name=vpc-id,Values=$VPC"
check "no network interfaces in a new VPC" '.NetworkInterfaces == []'

# Attributes.
ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsSupport
check "enableDnsSupport defaults to true" --arg v "$VPC" '.VpcId == $v and .EnableDnsSupport.Value == true'
ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsHostnames
check "enableDnsHostnames defaults to false on a non-default VPC" '.EnableDnsHostnames.Value == false'
ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableNetworkAddressUsageMetrics
check "enableNetworkAddressUsageMetrics defaults to false" '.EnableNetworkAddressUsageMetrics.Value == false'
expect_ok "modify-vpc-attribute --no-enable-dns-support" ec2 modify-vpc-attribute --vpc-id "$VPC" --no-enable-dns-support
ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsSupport
check "enableDnsSupport is now false" '.EnableDnsSupport.Value == false'
expect_ok "modify-vpc-attribute --enable-dns-support" ec2 modify-vpc-attribute --vpc-id "$VPC" --enable-dns-support '{"Value":true}'
ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsSupport
check "enableDnsSupport is true again" '.EnableDnsSupport.Value == true'
expect_ok "modify-vpc-attribute --enable-dns-hostnames" ec2 modify-vpc-attribute --vpc-id "$VPC" --enable-dns-hostnames '{"Value":true}'
ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsHostnames
check "enableDnsHostnames is now true" '.EnableDnsHostnames.Value == true'
expect_error 'InvalidVpcID\.NotFound' "describe-vpc-attribute of an unknown VPC" ec2 describe-vpc-attribute --vpc-id vpc-0123456789abcdef0 --attribute enableDnsSupport

# IPv6.
ec2 associate-vpc-cidr-block --vpc-id "$VPC" --amazon-provided-ipv6-cidr-block
check "associate-vpc-cidr-block --amazon-provided-ipv6-cidr-block" --arg v "$VPC" \
  '.VpcId == $v and (.Ipv6CidrBlockAssociation.AssociationId | startswith("vpc-cidr-assoc-"))
   and (.Ipv6CidrBlockAssociation.Ipv6CidrBlockState.State | IN("associating", "associated"))'
ec2 describe-vpcs --vpc-ids "$VPC"
check "the VPC has an associated Amazon-provided IPv6 /56" \
  '.Vpcs[0].Ipv6CidrBlockAssociationSet | length == 1 and (.[0].Ipv6CidrBlock | endswith("/56")) and .[0].Ipv6CidrBlockState.State == "associated"'
ec2 describe-security-groups --group-ids "$DEFAULT_SG"
check "the unmodified default group gains the ::/0 egress rule" \
  'any(.SecurityGroups[0].IpPermissionsEgress[]; .IpProtocol == "-1" and (.Ipv6Ranges // [] | any(.CidrIpv6 == "::/0")))'
ec2 describe-network-acls --network-acl-ids "$DEFAULT_ACL"
check "the default network ACL gains rule 101 allow ::/0 and the IPv6 * deny both ways" \
  '.NetworkAcls[0].Entries as $e | [false, true] | all(. as $out
     | ($e | any(.Egress == $out and .RuleNumber == 101 and .RuleAction == "allow" and .Ipv6CidrBlock == "::/0"))
     and ($e | any(.Egress == $out and .RuleNumber == 32768 and .RuleAction == "deny" and .Ipv6CidrBlock == "::/0")))'

# ---------------------------------------------------------------- subnets
ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.1.0/24 --availability-zone "$AZ1" \
  --tag-specifications "ResourceType=subnet,Tags=[{Key=Name,Value=cli-subnet-a-$RUN}]"
check "create-subnet 10.42.1.0/24: subnet- id, 251 available addresses, zone, tags" --arg v "$VPC" --arg z "$AZ1" --arg n "cli-subnet-a-$RUN" \
  '(.Subnet.SubnetId | test("^subnet-[0-9a-f]{17}$")) and .Subnet.VpcId == $v and .Subnet.CidrBlock == "10.42.1.0/24"
   and .Subnet.AvailableIpAddressCount == 251 and .Subnet.AvailabilityZone == $z and .Subnet.DefaultForAz == false
   and .Subnet.MapPublicIpOnLaunch == false and (.Subnet.Tags | from_entries | .Name == $n)'
SUBNET_A="$(get '.Subnet.SubnetId')"
ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.2.0/28 --availability-zone "$AZ2"
check "create-subnet /28: 11 available addresses" --arg z "$AZ2" '.Subnet.AvailableIpAddressCount == 11 and .Subnet.AvailabilityZone == $z'
SUBNET_B="$(get '.Subnet.SubnetId')"

ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC"
SUBNET_COUNT_BEFORE="$(get '.Subnets | length')"
expect_error 'InvalidSubnet\.Range' "create-subnet outside the VPC CIDR" ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.43.0.0/24
expect_error 'InvalidSubnet\.Range' "create-subnet smaller than /28" ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.3.0/29
expect_error 'InvalidSubnet\.Conflict' "create-subnet overlapping 10.42.1.0/24" ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.1.128/25
expect_error InvalidParameterValue "create-subnet in an availability zone of another region" \
  ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.42.4.0/24 --availability-zone eu-west-1a
expect_error 'InvalidVpcID\.NotFound' "create-subnet in an unknown VPC" ec2 create-subnet --vpc-id vpc-0123456789abcdef0 --cidr-block 10.42.5.0/24
ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC"
check "rejected create-subnet calls created nothing" --argjson n "${SUBNET_COUNT_BEFORE:-0}" '.Subnets | length == $n'

expect_ok "modify-subnet-attribute --map-public-ip-on-launch" ec2 modify-subnet-attribute --subnet-id "$SUBNET_B" --map-public-ip-on-launch
ec2 describe-subnets --subnet-ids "$SUBNET_B"
check "describe-subnets shows MapPublicIpOnLaunch true" '.Subnets[0].MapPublicIpOnLaunch == true and .Subnets[0].State == "available"'
ec2 describe-subnets --filters "Name=tag:Name,Values=cli-subnet-a-$RUN"
check "describe-subnets filter tag:Name" --arg s "$SUBNET_A" '[.Subnets[].SubnetId] == [$s]'
ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" "Name=availability-zone,Values=$AZ2"
check "describe-subnets filters vpc-id + availability-zone" --arg s "$SUBNET_B" '[.Subnets[].SubnetId] == [$s]'
ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" Name=cidr-block,Values=10.42.1.0/24
check "describe-subnets filter cidr-block" --arg s "$SUBNET_A" '[.Subnets[].SubnetId] == [$s]'
expect_error 'InvalidSubnetID\.NotFound' "describe-subnets of an unknown subnet id" ec2 describe-subnets --subnet-ids subnet-0123456789abcdef0

ec2 describe-network-acls --filters "Name=association.subnet-id,Values=$SUBNET_A"
check "a new subnet is associated with the VPC's default network ACL" --arg acl "$DEFAULT_ACL" --arg s "$SUBNET_A" \
  '[.NetworkAcls[].NetworkAclId] == [$acl] and ([.NetworkAcls[0].Associations[] | select(.SubnetId == $s)] | length == 1 and (.[0].NetworkAclAssociationId | startswith("aclassoc-")))'

ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" --max-items 1
check "describe-subnets --max-items 1: one subnet and a NextToken" '(.Subnets | length == 1) and (.NextToken | length > 0)'
FIRST_SUBNET="$(get '.Subnets[0].SubnetId')"
ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" --max-items 1 --starting-token "$(get '.NextToken')"
check "describe-subnets --starting-token: the other subnet" --arg s "$FIRST_SUBNET" '(.Subnets | length == 1) and .Subnets[0].SubnetId != $s'

# ---------------------------------------------------------------- security groups
ec2 create-security-group --vpc-id "$VPC" --group-name "web-$RUN" --description "web tier" \
  --tag-specifications "ResourceType=security-group,Tags=[{Key=Name,Value=cli-web-$RUN}]"
check "create-security-group answers an sg- id, its ARN and tags" --arg a "$ACCOUNT" --arg r "$REGION" --arg n "cli-web-$RUN" \
  '(.GroupId | test("^sg-[0-9a-f]{17}$")) and .SecurityGroupArn == "arn:aws:ec2:\($r):\($a):security-group/\(.GroupId)"
   and (.Tags | from_entries | .Name == $n)'
WEB="$(get '.GroupId')"
ec2 create-security-group --vpc-id "$VPC" --group-name "app-$RUN" --description "app tier"
APP="$(get '.GroupId')"
check "create-security-group app" '.GroupId | test("^sg-")'
ec2 create-security-group --vpc-id "$VPC" --group-name "db-$RUN" --description "db tier"
DB="$(get '.GroupId')"
check "create-security-group db" '.GroupId | test("^sg-")'

expect_error 'InvalidGroup\.Duplicate' "create-security-group with a name taken in the VPC" \
  ec2 create-security-group --vpc-id "$VPC" --group-name "web-$RUN" --description dup
expect_error 'InvalidGroup\.Reserved' "create-security-group named default" \
  ec2 create-security-group --vpc-id "$VPC" --group-name default --description nope
expect_error 'InvalidVpcID\.NotFound' "create-security-group in an unknown VPC" \
  ec2 create-security-group --vpc-id vpc-0123456789abcdef0 --group-name "x-$RUN" --description nope
expect_error DryRunOperation "create-security-group --dry-run" \
  ec2 create-security-group --vpc-id "$VPC" --group-name "dry-$RUN" --description dry --dry-run

ec2 describe-security-groups --group-ids "$WEB"
check "a new group: no ingress, egress all to 0.0.0.0/0 (and ::/0 in an IPv6 VPC)" --arg v "$VPC" \
  '.SecurityGroups[0] as $g | $g.VpcId == $v and $g.Description == "web tier" and $g.IpPermissions == []
   and ($g.IpPermissionsEgress | length == 1) and $g.IpPermissionsEgress[0].IpProtocol == "-1"
   and $g.IpPermissionsEgress[0].IpRanges == [{"CidrIp": "0.0.0.0/0"}]
   and ($g.IpPermissionsEgress[0].Ipv6Ranges == [{"CidrIpv6": "::/0"}])'

# Ingress by CIDR.
ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions \
  '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0","Description":"https"}],"Ipv6Ranges":[{"CidrIpv6":"::/0","Description":"https v6"}]},
    {"IpProtocol":"tcp","FromPort":80,"ToPort":80,"IpRanges":[{"CidrIp":"0.0.0.0/0"},{"CidrIp":"10.0.0.0/8"}]},
    {"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"203.0.113.7/32","Description":"ssh"}]}]'
check "authorize-security-group-ingress: one sgr- rule per range (5)" --arg g "$WEB" --arg a "$ACCOUNT" \
  '.Return == true and (.SecurityGroupRules | length == 5)
   and all(.SecurityGroupRules[]; (.SecurityGroupRuleId | test("^sgr-[0-9a-f]{17}$")) and .GroupId == $g and .IsEgress == false and .GroupOwnerId == $a)'
SSH_RULE="$(get '.SecurityGroupRules[] | select(.FromPort == 22) | .SecurityGroupRuleId')"
# The CLI turns --protocol/--port/--cidr into IpPermissions; --cli-input-json sends the legacy flat members.
expect_ok "authorize-security-group-ingress with the legacy flat parameters (IpProtocol, FromPort, ToPort, CidrIp)" \
  ec2 authorize-security-group-ingress --cli-input-json \
  "{\"GroupId\":\"$WEB\",\"IpProtocol\":\"tcp\",\"FromPort\":8080,\"ToPort\":8080,\"CidrIp\":\"198.51.100.0/24\"}"
expect_ok "authorize with the CLI's --protocol/--port/--cidr and a non-canonical CIDR 100.68.0.18/18" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --protocol tcp --port 9000 --cidr 100.68.0.18/18
expect_error 'InvalidPermission\.Duplicate' "authorize the canonical form 100.68.0.0/18 of an existing rule" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --protocol tcp --port 9000 --cidr 100.68.0.0/18
expect_ok "authorize with protocol number 6 and a port range" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions '[{"IpProtocol":"6","FromPort":8000,"ToPort":8100,"IpRanges":[{"CidrIp":"192.0.2.0/24"}]}]'
expect_ok "authorize icmp echo request (type 8, any code)" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions '[{"IpProtocol":"icmp","FromPort":8,"ToPort":-1,"IpRanges":[{"CidrIp":"10.0.0.0/8"}]}]'
expect_error 'InvalidPermission\.Duplicate' "authorize an existing CIDR rule again" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --protocol tcp --port 22 --cidr 203.0.113.7/32

ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB"
WEB_RULES_BEFORE="$(get '.SecurityGroupRules | length')"
expect_error 'InvalidPermission\.Duplicate' "a request holding a new and a duplicate rule" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions \
  '[{"IpProtocol":"tcp","FromPort":7000,"ToPort":7000,"IpRanges":[{"CidrIp":"10.1.0.0/16"}]},{"IpProtocol":"tcp","FromPort":22,"ToPort":22,"IpRanges":[{"CidrIp":"203.0.113.7/32"}]}]'
expect_error 'InvalidParameterValue|InvalidPermission\.Malformed' "authorize with a malformed CIDR" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --protocol tcp --port 7001 --cidr 10.0.0.300/24
expect_error 'InvalidParameterValue|InvalidPermission\.Malformed' "authorize tcp with a port above 65535" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions '[{"IpProtocol":"tcp","FromPort":70000,"ToPort":70000,"IpRanges":[{"CidrIp":"10.1.0.0/16"}]}]'
expect_error InvalidParameterValue "authorize an unknown protocol name" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions '[{"IpProtocol":"bogus","FromPort":1,"ToPort":1,"IpRanges":[{"CidrIp":"10.1.0.0/16"}]}]'
expect_error 'InvalidGroup\.NotFound' "authorize from an unknown referenced group" \
  ec2 authorize-security-group-ingress --group-id "$WEB" --ip-permissions '[{"IpProtocol":"tcp","FromPort":1,"ToPort":1,"UserIdGroupPairs":[{"GroupId":"sg-0123456789abcdef0"}]}]'
expect_error 'InvalidGroup\.NotFound' "authorize on an unknown group" \
  ec2 authorize-security-group-ingress --group-id sg-0123456789abcdef0 --protocol tcp --port 1 --cidr 10.0.0.0/8
ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB"
check "rejected authorize calls changed nothing (no partial grant)" --argjson n "${WEB_RULES_BEFORE:-0}" \
  '(.SecurityGroupRules | length == $n) and all(.SecurityGroupRules[]; .FromPort != 7000 and .FromPort != 7001)'

ec2 describe-security-groups --group-ids "$WEB"
check "describe-security-groups groups rules by protocol and ports; CIDRs canonical; protocol 6 shown as tcp" \
  '.SecurityGroups[0].IpPermissions as $p
   | ($p | map(select(.IpProtocol == "tcp" and .FromPort == 80 and .ToPort == 80)) | length == 1 and (.[0].IpRanges | map(.CidrIp) | sort == ["0.0.0.0/0", "10.0.0.0/8"]))
   and ($p | any(.IpProtocol == "tcp" and .FromPort == 443 and .IpRanges == [{"CidrIp": "0.0.0.0/0", "Description": "https"}] and .Ipv6Ranges == [{"CidrIpv6": "::/0", "Description": "https v6"}]))
   and ($p | any(.IpProtocol == "tcp" and .FromPort == 9000 and .IpRanges[0].CidrIp == "100.68.0.0/18"))
   and ($p | any(.IpProtocol == "tcp" and .FromPort == 8000 and .ToPort == 8100))
   and ($p | any(.IpProtocol == "icmp" and .FromPort == 8 and .ToPort == -1))'

# Group references, both directions.
ec2 authorize-security-group-ingress --group-id "$APP" --ip-permissions \
  "[{\"IpProtocol\":\"tcp\",\"FromPort\":8080,\"ToPort\":8080,\"UserIdGroupPairs\":[{\"GroupId\":\"$WEB\",\"Description\":\"from web\"}]}]"
check "authorize app ingress from the web group" --arg w "$WEB" --arg a "$ACCOUNT" \
  '(.SecurityGroupRules | length == 1) and .SecurityGroupRules[0].ReferencedGroupInfo.GroupId == $w
   and .SecurityGroupRules[0].ReferencedGroupInfo.UserId == $a and .SecurityGroupRules[0].Description == "from web"'
APP_FROM_WEB_RULE="$(get '.SecurityGroupRules[0].SecurityGroupRuleId')"
expect_error 'InvalidPermission\.Duplicate' "authorize the same group reference again" \
  ec2 authorize-security-group-ingress --group-id "$APP" --ip-permissions \
  "[{\"IpProtocol\":\"tcp\",\"FromPort\":8080,\"ToPort\":8080,\"UserIdGroupPairs\":[{\"GroupId\":\"$WEB\"}]}]"
expect_ok "legacy --source-group on db ingress from app" \
  ec2 authorize-security-group-ingress --group-id "$DB" --protocol tcp --port 5432 --source-group "$APP"

# Egress.
ec2 authorize-security-group-egress --group-id "$APP" --ip-permissions \
  "[{\"IpProtocol\":\"tcp\",\"FromPort\":5432,\"ToPort\":5432,\"UserIdGroupPairs\":[{\"GroupId\":\"$DB\",\"Description\":\"to db\"}]},
    {\"IpProtocol\":\"tcp\",\"FromPort\":443,\"ToPort\":443,\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}],\"Ipv6Ranges\":[{\"CidrIpv6\":\"::/0\"}]}]"
check "authorize-security-group-egress: 3 egress rules" '.Return == true and (.SecurityGroupRules | length == 3) and all(.SecurityGroupRules[]; .IsEgress == true)'
APP_EGRESS_443_RULE="$(get '.SecurityGroupRules[] | select(.FromPort == 443 and .CidrIpv4 == "0.0.0.0/0") | .SecurityGroupRuleId')"
expect_error 'InvalidPermission\.Duplicate' "authorize an existing egress rule again" \
  ec2 authorize-security-group-egress --group-id "$APP" --ip-permissions '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]'

ec2 describe-security-groups --group-ids "$APP"
check "describe-security-groups shows the group pairs with owner and description" --arg w "$WEB" --arg d "$DB" --arg a "$ACCOUNT" \
  '.SecurityGroups[0] as $g
   | ($g.IpPermissions | any(.IpProtocol == "tcp" and .FromPort == 8080 and (.UserIdGroupPairs | length == 1)
       and .UserIdGroupPairs[0].GroupId == $w and .UserIdGroupPairs[0].UserId == $a and .UserIdGroupPairs[0].Description == "from web"))
   and ($g.IpPermissionsEgress | any(.FromPort == 5432 and .UserIdGroupPairs[0].GroupId == $d and .UserIdGroupPairs[0].Description == "to db"))
   and ($g.IpPermissionsEgress | any(.IpProtocol == "-1"))'

# Filters.
ec2 describe-security-groups --filters "Name=group-name,Values=web-$RUN"
check "describe-security-groups filter group-name" --arg g "$WEB" '[.SecurityGroups[].GroupId] == [$g]'
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC"
check "describe-security-groups filter vpc-id: default, web, app, db" --arg d "$DEFAULT_SG" --arg w "$WEB" --arg p "$APP" --arg b "$DB" \
  '[.SecurityGroups[].GroupId] | sort == ([$d, $w, $p, $b] | sort)'
ec2 describe-security-groups --filters "Name=ip-permission.group-id,Values=$WEB"
check "describe-security-groups filter ip-permission.group-id" --arg p "$APP" '[.SecurityGroups[].GroupId] == [$p]'
ec2 describe-security-groups --filters "Name=egress.ip-permission.group-id,Values=$DB"
check "describe-security-groups filter egress.ip-permission.group-id" --arg p "$APP" '[.SecurityGroups[].GroupId] == [$p]'
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" Name=ip-permission.cidr,Values=203.0.113.7/32
check "describe-security-groups filter ip-permission.cidr" --arg g "$WEB" '[.SecurityGroups[].GroupId] == [$g]'
ec2 describe-security-groups --filters "Name=tag:Name,Values=cli-web-$RUN"
check "describe-security-groups filter tag:Name" --arg g "$WEB" '[.SecurityGroups[].GroupId] == [$g]'
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" Name=group-name,Values=default
check "describe-security-groups filters vpc-id + group-name=default (what Terraform asks)" --arg d "$DEFAULT_SG" '[.SecurityGroups[].GroupId] == [$d]'
expect_error InvalidParameterValue "describe-security-groups with an unknown filter name" \
  ec2 describe-security-groups --filters Name=no-such-filter,Values=x
expect_error 'InvalidGroup\.NotFound' "describe-security-groups of an unknown group id" ec2 describe-security-groups --group-ids sg-0123456789abcdef0
expect_error 'InvalidGroupId\.Malformed' "describe-security-groups of a malformed group id" ec2 describe-security-groups --group-ids sg-xyz

# Rules API.
ec2 describe-security-group-rules --filters "Name=group-id,Values=$APP"
check "describe-security-group-rules filter group-id: 1 ingress + 5 egress rules of app (2 default, 3 added)" --arg p "$APP" --arg a "$ACCOUNT" \
  '(.SecurityGroupRules | length == 6) and all(.SecurityGroupRules[]; .GroupId == $p and .GroupOwnerId == $a)
   and ([.SecurityGroupRules[] | select(.IsEgress)] | length == 5)'
check "describe-security-group-rules: a group-reference rule keeps its description and owner" --arg w "$WEB" --arg a "$ACCOUNT" \
  'any(.SecurityGroupRules[]; .IsEgress == false and .ReferencedGroupInfo.GroupId == $w and .ReferencedGroupInfo.UserId == $a and .Description == "from web" and .IpProtocol == "tcp" and .FromPort == 8080)'
check "describe-security-group-rules: the all-traffic egress rule reports ports -1" \
  'any(.SecurityGroupRules[]; .IsEgress and .IpProtocol == "-1" and .CidrIpv4 == "0.0.0.0/0" and .FromPort == -1 and .ToPort == -1)'
ec2 describe-security-group-rules --security-group-rule-ids "$SSH_RULE"
check "describe-security-group-rules --security-group-rule-ids" --arg r "$SSH_RULE" \
  '[.SecurityGroupRules[].SecurityGroupRuleId] == [$r] and .SecurityGroupRules[0].CidrIpv4 == "203.0.113.7/32" and .SecurityGroupRules[0].Description == "ssh"'
expect_error 'InvalidSecurityGroupRuleId\.NotFound' "describe-security-group-rules of an unknown rule id" \
  ec2 describe-security-group-rules --security-group-rule-ids sgr-0123456789abcdef0
expect_error 'InvalidSecurityGroupRuleId\.Malformed' "describe-security-group-rules of a malformed rule id" \
  ec2 describe-security-group-rules --security-group-rule-ids sgr-xyz

expect_ok "modify-security-group-rules: ssh rule to port 2222 with a new description" \
  ec2 modify-security-group-rules --group-id "$WEB" --security-group-rules \
  "[{\"SecurityGroupRuleId\":\"$SSH_RULE\",\"SecurityGroupRule\":{\"IpProtocol\":\"tcp\",\"FromPort\":2222,\"ToPort\":2222,\"CidrIpv4\":\"203.0.113.0/24\",\"Description\":\"ssh alt\"}}]"
ec2 describe-security-group-rules --security-group-rule-ids "$SSH_RULE"
check "the modified rule keeps its id with new ports, CIDR and description" \
  '.SecurityGroupRules[0] | .FromPort == 2222 and .ToPort == 2222 and .CidrIpv4 == "203.0.113.0/24" and .Description == "ssh alt"'
expect_ok "modify-security-group-rules: a group-reference rule to port 8081" \
  ec2 modify-security-group-rules --group-id "$APP" --security-group-rules \
  "[{\"SecurityGroupRuleId\":\"$APP_FROM_WEB_RULE\",\"SecurityGroupRule\":{\"IpProtocol\":\"tcp\",\"FromPort\":8081,\"ToPort\":8081,\"ReferencedGroupId\":\"$WEB\",\"Description\":\"from web v2\"}}]"
ec2 describe-security-group-rules --security-group-rule-ids "$APP_FROM_WEB_RULE"
check "the modified group-reference rule still references web" --arg w "$WEB" \
  '.SecurityGroupRules[0] | .FromPort == 8081 and .ReferencedGroupInfo.GroupId == $w and .Description == "from web v2"'
expect_error 'InvalidSecurityGroupRuleId\.NotFound' "modify-security-group-rules with an unknown rule id" \
  ec2 modify-security-group-rules --group-id "$WEB" --security-group-rules \
  '[{"SecurityGroupRuleId":"sgr-0123456789abcdef0","SecurityGroupRule":{"IpProtocol":"tcp","FromPort":1,"ToPort":1,"CidrIpv4":"10.0.0.0/8"}}]'

expect_ok "update-security-group-rule-descriptions-ingress by properties" \
  ec2 update-security-group-rule-descriptions-ingress --group-id "$WEB" --ip-permissions \
  '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"IpRanges":[{"CidrIp":"0.0.0.0/0","Description":"https (updated)"}]}]'
ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB"
check "the ingress description changed, only on that rule" \
  'any(.SecurityGroupRules[]; .FromPort == 443 and .CidrIpv4 == "0.0.0.0/0" and .Description == "https (updated)")
   and any(.SecurityGroupRules[]; .FromPort == 443 and .CidrIpv6 == "::/0" and .Description == "https v6")'
expect_ok "update-security-group-rule-descriptions-egress by rule id" \
  ec2 update-security-group-rule-descriptions-egress --group-id "$APP" \
  --security-group-rule-descriptions "SecurityGroupRuleId=$APP_EGRESS_443_RULE,Description=outbound-https"
ec2 describe-security-group-rules --security-group-rule-ids "$APP_EGRESS_443_RULE"
check "the egress description changed" '.SecurityGroupRules[0].Description == "outbound-https"'

# Revoke.
ec2 revoke-security-group-ingress --group-id "$WEB" --security-group-rule-ids "$SSH_RULE"
check "revoke-security-group-ingress by rule id" '.Return == true'
expect_error 'InvalidSecurityGroupRuleId\.NotFound' "the revoked rule is gone" ec2 describe-security-group-rules --security-group-rule-ids "$SSH_RULE"
expect_ok "revoke-security-group-ingress by the legacy flat parameters" \
  ec2 revoke-security-group-ingress --cli-input-json \
  "{\"GroupId\":\"$WEB\",\"IpProtocol\":\"tcp\",\"FromPort\":8080,\"ToPort\":8080,\"CidrIp\":\"198.51.100.0/24\"}"
expect_ok "revoke by name a rule authorized with protocol number 6" \
  ec2 revoke-security-group-ingress --group-id "$WEB" --ip-permissions '[{"IpProtocol":"tcp","FromPort":8000,"ToPort":8100,"IpRanges":[{"CidrIp":"192.0.2.0/24"}]}]'
ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB"
check "revoked rules are gone, the others stay" \
  'all(.SecurityGroupRules[]; .FromPort != 8080 and .FromPort != 8000 and .FromPort != 2222) and any(.SecurityGroupRules[]; .FromPort == 443)'
expect_error 'InvalidPermission\.NotFound' "revoke a rule that does not exist (non-default VPC)" \
  ec2 revoke-security-group-ingress --group-id "$WEB" --protocol tcp --port 8080 --cidr 198.51.100.0/24
ec2 revoke-security-group-egress --group-id "$APP" --ip-permissions '[{"IpProtocol":"tcp","FromPort":443,"ToPort":443,"Ipv6Ranges":[{"CidrIpv6":"::/0"}]}]'
check "revoke-security-group-egress by properties" '.Return == true'
expect_ok "revoke-security-group-egress by rule id" ec2 revoke-security-group-egress --group-id "$APP" --security-group-rule-ids "$APP_EGRESS_443_RULE"
ec2 describe-security-group-rules --filters "Name=group-id,Values=$APP"
check "app keeps its ingress from web, egress to db and the default egress" \
  '([.SecurityGroupRules[] | select(.IsEgress)] | length == 3) and all(.SecurityGroupRules[]; .FromPort != 443)'

# Pagination.
for i in 1 2 3 4 5; do
  ec2 create-security-group --vpc-id "$VPC" --group-name "page-$i-$RUN" --description "pagination $i"
done
check "created 5 more groups for pagination" '.GroupId | test("^sg-")'
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" --max-items 4
check "describe-security-groups --max-items 4: 4 groups and a NextToken" '(.SecurityGroups | length == 4) and (.NextToken | length > 0)'
PAGE1="$(get '[.SecurityGroups[].GroupId]')"
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" --max-items 4 --starting-token "$(get '.NextToken')"
check "second page: 4 other groups" --argjson p1 "${PAGE1:-[]}" '(.SecurityGroups | length == 4) and ([.SecurityGroups[].GroupId] - $p1 | length == 4) and (.NextToken | length > 0)'
PAGE2="$(get '[.SecurityGroups[].GroupId]')"
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" --max-items 4 --starting-token "$(get '.NextToken')"
check "last page: the ninth group and no NextToken" --argjson p "$(jq -c -n --argjson a "${PAGE1:-[]}" --argjson b "${PAGE2:-[]}" '$a + $b')" \
  '(.SecurityGroups | length == 1) and ([.SecurityGroups[].GroupId] - $p | length == 1) and (has("NextToken") | not)'
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" --page-size 5
check "describe-security-groups --page-size 5 (MaxResults/NextToken on the wire) lists all 9 once" \
  '[.SecurityGroups[].GroupId] | length == 9 and (unique | length == 9)'
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" --page-size 5 --max-items 7
check "--page-size 5 --max-items 7: 7 groups" '(.SecurityGroups | length == 7) and (.NextToken | length > 0)'
ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB" --page-size 5
WEB_RULE_COUNT="$(get '.SecurityGroupRules | length')"
check "describe-security-group-rules --page-size 5 lists every rule once" '[.SecurityGroupRules[].SecurityGroupRuleId] | length >= 6 and (unique | length) == length'
ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB" --max-items 2
check "describe-security-group-rules --max-items 2: 2 rules and a NextToken" '(.SecurityGroupRules | length == 2) and (.NextToken | length > 0)'
RULES_PAGE1="$(get '[.SecurityGroupRules[].SecurityGroupRuleId]')"
ec2 describe-security-group-rules --filters "Name=group-id,Values=$WEB" --starting-token "$(get '.NextToken')"
check "... the rest on the next page" --argjson p1 "${RULES_PAGE1:-[]}" --argjson n "${WEB_RULE_COUNT:-0}" \
  '(.SecurityGroupRules | length == $n - 2) and ([.SecurityGroupRules[].SecurityGroupRuleId] - $p1 | length == $n - 2)'

# ---------------------------------------------------------------- tags
expect_ok "create-tags on the VPC and a group" ec2 create-tags --resources "$VPC" "$WEB" --tags Key=owner,Value=cli "Key=env,Value=test"
ec2 describe-tags --filters "Name=resource-id,Values=$VPC"
check "describe-tags resource-id: the VPC's tags with resource type vpc" --arg v "$VPC" --arg r "$RUN" \
  '(.Tags | map({key: .Key, value: .Value}) | from_entries) as $t | $t.owner == "cli" and $t.env == "test" and $t.run == $r
   and all(.Tags[]; .ResourceId == $v and .ResourceType == "vpc")'
ec2 describe-tags --filters "Name=resource-id,Values=$VPC,$WEB" Name=key,Values=owner
check "describe-tags filters resource-id + key" --arg v "$VPC" --arg w "$WEB" '[.Tags[].ResourceId] | sort == ([$v, $w] | sort)'
ec2 describe-tags --filters "Name=resource-id,Values=$VPC,$WEB" Name=resource-type,Values=security-group
check "describe-tags filter resource-type" --arg w "$WEB" 'all(.Tags[]; .ResourceId == $w and .ResourceType == "security-group") and (.Tags | length == 3)'
ec2 describe-tags --filters "Name=resource-id,Values=$SUBNET_A"
check "describe-tags shows tags given at creation (subnet)" --arg s "$SUBNET_A" --arg n "cli-subnet-a-$RUN" \
  '.Tags == [{"Key": "Name", "ResourceId": $s, "ResourceType": "subnet", "Value": $n}]'
ec2 describe-tags --filters "Name=resource-id,Values=$VPC" --max-items 1
check "describe-tags --max-items 1: a NextToken" '(.Tags | length == 1) and (.NextToken | length > 0)'
ec2 describe-vpcs --filters Name=tag:owner,Values=cli "Name=vpc-id,Values=$VPC"
check "a tag added by create-tags is filterable" --arg v "$VPC" '[.Vpcs[].VpcId] == [$v]'
expect_ok "delete-tags with a non-matching value" ec2 delete-tags --resources "$VPC" --tags Key=env,Value=wrong
ec2 describe-tags --filters "Name=resource-id,Values=$VPC" Name=key,Values=env
check "a tag whose value did not match stays" '.Tags | length == 1'
expect_ok "delete-tags by key only" ec2 delete-tags --resources "$VPC" "$WEB" --tags Key=env Key=owner
ec2 describe-tags --filters "Name=resource-id,Values=$VPC,$WEB" Name=key,Values=env,owner
check "the tags are gone" '.Tags == []'

# ---------------------------------------------------------------- dependencies and deletion
expect_error DependencyViolation "delete a group referenced by another group's rule (web, from app)" ec2 delete-security-group --group-id "$WEB"
expect_error DependencyViolation "delete a group referenced by another group's rule (app, from db)" ec2 delete-security-group --group-id "$APP"
expect_error CannotDelete "delete the VPC's default group" ec2 delete-security-group --group-id "$DEFAULT_SG"
expect_error DependencyViolation "delete a VPC that still has subnets and groups" ec2 delete-vpc --vpc-id "$VPC"
ec2 describe-security-groups --group-ids "$WEB" "$APP" "$DEFAULT_SG"
check "the refused deletions changed nothing" '.SecurityGroups | length == 3'

expect_ok "revoke db's ingress from app" ec2 revoke-security-group-ingress --group-id "$DB" --protocol tcp --port 5432 --source-group "$APP"
expect_ok "delete app (its own rules referencing web and db go with it)" ec2 delete-security-group --group-id "$APP"
expect_ok "delete web" ec2 delete-security-group --group-id "$WEB"
expect_ok "delete db" ec2 delete-security-group --group-id "$DB"
expect_error 'InvalidGroup\.NotFound' "describe a deleted group" ec2 describe-security-groups --group-ids "$WEB"
expect_error 'InvalidGroup\.NotFound' "delete a deleted group" ec2 delete-security-group --group-id "$WEB"
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC" "Name=group-name,Values=page-*"
for sg in $(get '.SecurityGroups[].GroupId'); do
  ec2 delete-security-group --group-id "$sg"
done
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC"
check "only the default group is left in the VPC (group-name wildcard filter found the page groups)" --arg d "$DEFAULT_SG" '[.SecurityGroups[].GroupId] == [$d]'

expect_ok "delete-subnet a" ec2 delete-subnet --subnet-id "$SUBNET_A"
expect_ok "delete-subnet b" ec2 delete-subnet --subnet-id "$SUBNET_B"
expect_error 'InvalidSubnetID\.NotFound' "describe a deleted subnet" ec2 describe-subnets --subnet-ids "$SUBNET_A"
expect_ok "delete-vpc" ec2 delete-vpc --vpc-id "$VPC"
expect_error 'InvalidVpcID\.NotFound' "describe-vpcs of the deleted VPC" ec2 describe-vpcs --vpc-ids "$VPC"
ec2 describe-security-groups --filters "Name=vpc-id,Values=$VPC"
check "the default group went with the VPC" '.SecurityGroups == []'
ec2 describe-network-acls --filters "Name=vpc-id,Values=$VPC"
check "the default network ACL went with the VPC" '.NetworkAcls == []'
ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC"
check "the main route table went with the VPC" '.RouteTables == []'
ec2 describe-tags --filters "Name=resource-id,Values=$VPC"
check "the VPC's tags went with it" '.Tags == []'
CREATED_VPCS=()
DEFAULT_VPC_SGS=()

ec2 describe-vpcs --filters "Name=cidr,Values=$VPC_CIDR"
check "the number of $VPC_CIDR VPCs is back to where it started" --argjson n "${VPC_COUNT_BEFORE:-0}" '.Vpcs | length == $n'

echo "aws-cli: $PASSED passed, $FAILED failed"
[[ $FAILED -eq 0 ]]

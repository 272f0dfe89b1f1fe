#!/usr/bin/env bash
# Terraform (hashicorp/aws 5.100 from the machine's filesystem mirror) against a running ControlPlane:
# init, apply, plan with no changes, destroy, then the AWS CLI confirms nothing is left behind.
#
#   CONTROLPLANE_ENDPOINT=http://localhost:4566 tests/clients/terraform.sh
#
# Environment:
#   CONTROLPLANE_ENDPOINT     emulator URL (default http://localhost:4566)
#   CONTROLPLANE_TF_MIRROR    provider mirror directory (the one holding registry.terraform.io/);
#                             found by searching the usual places when unset
#   CONTROLPLANE_TF_KEEP      set to keep the temporary working directory (state, logs) for debugging
# Prints one line per check and "terraform: N passed, M failed"; exits non-zero on failure.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TF_LABEL="terraform"
CONFIG_DIR="$HERE/terraform"
RUN="r$(date +%s)$$"
# shellcheck source=terraform-lib.sh
source "$HERE/terraform-lib.sh"

cli describe-vpcs --filters Name=is-default,Values=false
NON_DEFAULT_VPCS_BEFORE="$(jq '.Vpcs | length' <<<"$OUT" 2>/dev/null)"
NON_DEFAULT_VPCS_BEFORE="${NON_DEFAULT_VPCS_BEFORE:-0}"

tf_init
tf_apply
VPC="$(jq -r '.vpc_id.value // empty' <<<"$OUTPUTS" 2>/dev/null)"

if [[ -n $VPC ]]; then
  cli describe-vpcs --vpc-ids "$VPC"
  cli_check "the VPC exists with its Name tag and the provider's default_tags" --arg r "$RUN" \
    '.Vpcs[0] | .CidrBlock == "10.77.0.0/16" and ((.Tags // []) | from_entries | .Name == "tf-\($r)-vpc" and .RunId == $r and .ManagedBy == "terraform")'
  cli describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsHostnames
  cli_check "enable_dns_hostnames reached the VPC" '.EnableDnsHostnames.Value == true'
  cli describe-subnets --filters "Name=vpc-id,Values=$VPC"
  cli_check "two subnets, the public one maps public IPs on launch" \
    '(.Subnets | length == 2) and ([.Subnets[] | select(.MapPublicIpOnLaunch)] | length == 1 and .[0].CidrBlock == "10.77.2.0/24")'
  cli describe-security-groups --filters "Name=vpc-id,Values=$VPC"
  cli_check "five security groups (default, lb, web, app, db), all created ones tagged" --arg r "$RUN" \
    '(.SecurityGroups | length == 5) and all(.SecurityGroups[] | select(.GroupName != "default"); (.Tags // []) | from_entries | .RunId == $r)'
  cli_check "web: ingress from the lb group, the icmp rule and itself; egress to 0.0.0.0/0 only" --argjson o "$OUTPUTS" \
    '.SecurityGroups[] | select(.GroupId == $o.security_group_ids.value.web)
     | (.IpPermissions | any(.FromPort == 80 and .UserIdGroupPairs[0].GroupId == $o.security_group_ids.value.lb))
       and (.IpPermissions | any(.IpProtocol == "-1" and .UserIdGroupPairs[0].GroupId == $o.security_group_ids.value.web))
       and (.IpPermissions | any(.IpProtocol == "icmp" and .FromPort == 8 and .ToPort == -1))
       and (.IpPermissionsEgress | length == 1 and .[0].IpProtocol == "-1" and .[0].IpRanges[0].CidrIp == "0.0.0.0/0" and ((.[0].Ipv6Ranges // []) == []))'
  cli describe-security-group-rules --filters "Name=group-id,Values=$(jq -r '.security_group_ids.value.app' <<<"$OUTPUTS")"
  cli_check "app holds exactly its three new-style rules (the default egress was revoked), each tagged" --argjson o "$OUTPUTS" --arg r "$RUN" \
    '([.SecurityGroupRules[].SecurityGroupRuleId] | sort) == ($o.security_group_rule_ids.value[0:3] | sort)
     and all(.SecurityGroupRules[]; (.Tags // []) | from_entries | .RunId == $r)'
  cli describe-security-group-rules --filters "Name=group-id,Values=$(jq -r '.security_group_ids.value.db' <<<"$OUTPUTS")"
  cli_check "db holds its two new-style rules and the legacy ssh rule" --argjson o "$OUTPUTS" \
    '(.SecurityGroupRules | length == 3) and any(.SecurityGroupRules[]; .FromPort == 22 and .CidrIpv4 == "10.77.1.0/24")
     and ([.SecurityGroupRules[].SecurityGroupRuleId] | contains($o.security_group_rule_ids.value[3:5]))'
else
  fail "terraform output has no vpc_id: $(head -c 300 <<<"$OUTPUTS")"
fi

tf_plan_no_changes
tf_destroy

if [[ -n $VPC ]]; then
  cli_error InvalidVpcID.NotFound "the VPC is gone" describe-vpcs --vpc-ids "$VPC"
  cli describe-security-groups --filters "Name=vpc-id,Values=$VPC"
  cli_check "no security group of the VPC is left" '.SecurityGroups == []'
  cli describe-subnets --filters "Name=vpc-id,Values=$VPC"
  cli_check "no subnet of the VPC is left" '.Subnets == []'
fi
cli describe-vpcs --filters "Name=tag:RunId,Values=$RUN"
cli_check "no VPC tagged with this run is left" '.Vpcs == []'
cli describe-security-groups --filters "Name=tag:RunId,Values=$RUN"
cli_check "no security group tagged with this run is left" '.SecurityGroups == []'
cli describe-vpcs --filters Name=is-default,Values=false
cli_check "no non-default VPC is left beyond the $NON_DEFAULT_VPCS_BEFORE there before" --argjson n "$NON_DEFAULT_VPCS_BEFORE" '.Vpcs | length == $n'
cli describe-security-groups --filters Name=group-name,Values="tf-$RUN-*"
cli_check "no non-default security group of this run is left" '.SecurityGroups == []'

finish

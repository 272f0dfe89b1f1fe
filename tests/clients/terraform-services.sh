#!/usr/bin/env bash
# Terraform (hashicorp/aws 5.100 from the machine's filesystem mirror) against a running ControlPlane with an ALB in
# front of instances, an RDS instance, an ElastiCache cluster and a VPC Lambda function: init, apply, plan with no
# changes; the AWS CLI checks each service's resource and the interfaces it placed; the reachability API answers
# Lambda -> RDS, internet -> ALB -> instance and internet -> RDS; then destroy, and nothing is left behind.
#
#   CONTROLPLANE_ENDPOINT=http://localhost:4566 tests/clients/terraform-services.sh
#
# Environment: as terraform.sh (CONTROLPLANE_ENDPOINT, CONTROLPLANE_TF_MIRROR, CONTROLPLANE_TF_KEEP).
# Prints one line per check and "terraform-services: N passed, M failed"; exits non-zero on failure.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TF_LABEL="terraform-services"
CONFIG_DIR="$HERE/terraform-services"
RUN="s$(date +%s)$$"
# shellcheck source=terraform-lib.sh
source "$HERE/terraform-lib.sh"

# The function's code package: stored by the emulator, never run.
python3 - "$WORK/config/function.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as archive:
    archive.writestr("handler.py", "def handler(event, context):\n    return {'ok': True}\n")
PY

svc() { # SERVICE ARGS...: any service's CLI call, output in OUT
  OUT="$(timeout 60 aws --endpoint-url "$ENDPOINT" --output json "$@" 2>"$WORK/cli.err")"
  CLI_RC=$?
}
reach() { # JSON: POST /api/v1/reachability/analyze, answer in OUT
  OUT="$(curl -s -X POST "$ENDPOINT/api/v1/reachability/analyze" -H 'content-type: application/json' \
    -H 'X-ControlPlane-Account: 000000000000' -H 'X-ControlPlane-Region: us-east-1' -d "$1" 2>"$WORK/cli.err")"
  CLI_RC=$?
}

tf_init
tf_apply
VPC="$(jq -r '.vpc_id.value // empty' <<<"$OUTPUTS" 2>/dev/null)"

if [[ -n $VPC ]]; then
  LB_ARN="$(jq -r '.lb_arn.value' <<<"$OUTPUTS")"
  LB_NAME="$(jq -r '.lb_name.value' <<<"$OUTPUTS")"
  DB="$(jq -r '.db_identifier.value' <<<"$OUTPUTS")"
  FN="$(jq -r '.function_name.value' <<<"$OUTPUTS")"
  SG_DB="$(jq -r '.security_group_ids.value.db' <<<"$OUTPUTS")"

  svc elbv2 describe-load-balancers --load-balancer-arns "$LB_ARN"
  cli_check "the ALB is active and internet-facing in two subnets" \
    '.LoadBalancers[0] | .State.Code == "active" and .Scheme == "internet-facing" and (.AvailabilityZones | length == 2)'
  svc elbv2 describe-target-health --target-group-arn "$(jq -r '.target_group_arn.value' <<<"$OUTPUTS")"
  cli_check "both instances are registered targets on 8080" \
    '(.TargetHealthDescriptions | length == 2) and all(.TargetHealthDescriptions[]; .Target.Port == 8080)'
  cli describe-network-interfaces --filters "Name=vpc-id,Values=$VPC"
  cli_check "the ALB placed one requester-managed interface per subnet (ELB app/<name>/<id>, amazon-elb)" --arg n "$LB_NAME" \
    '[.NetworkInterfaces[] | select(.Description | startswith("ELB app/\($n)/"))] | length == 2 and all(.[]; .RequesterManaged and .RequesterId == "amazon-elb")'
  cli_check "the RDS instance placed an RDSNetworkInterface carrying the db group" --arg g "$SG_DB" \
    '[.NetworkInterfaces[] | select(.Description == "RDSNetworkInterface")] | length >= 1 and all(.[]; .RequesterId == "amazon-rds" and (.Groups | map(.GroupId) == [$g]))'
  cli_check "the cache cluster placed its node's interface (amazon-elasticache)" \
    '[.NetworkInterfaces[] | select(.Description | startswith("ElastiCache "))] | length == 1'
  cli_check "the Lambda function placed one lambda interface per subnet" --arg f "$FN" \
    '[.NetworkInterfaces[] | select(.InterfaceType == "lambda")] | length == 2'

  svc rds describe-db-instances --db-instance-identifier "$DB"
  cli_check "the DB instance is available with a PostgreSQL endpoint on 5432" \
    '.DBInstances[0] | .DBInstanceStatus == "available" and .Endpoint.Port == 5432 and (.Endpoint.Address | endswith(".rds.amazonaws.com"))'
  svc elasticache describe-cache-clusters --cache-cluster-id "$(jq -r '.cache_cluster_id.value' <<<"$OUTPUTS")" --show-cache-node-info
  cli_check "the cache cluster is available with one node on 6379" \
    '.CacheClusters[0] | .CacheClusterStatus == "available" and (.CacheNodes | length == 1) and .CacheNodes[0].Endpoint.Port == 6379'
  svc lambda get-function-configuration --function-name "$FN"
  cli_check "the function is Active in the VPC" --arg v "$VPC" '.State == "Active" and .VpcConfig.VpcId == $v and (.VpcConfig.SubnetIds | length == 2)'

  cli_error DependencyViolation "the db group cannot be deleted while the database's interface carries it" delete-security-group --group-id "$SG_DB"

  reach "{\"source\": \"$FN\", \"destination\": \"$DB\", \"protocol\": \"tcp\", \"port\": 5432}"
  cli_check "reachability: the function reaches the database on 5432" '.analysis.networkPathFound == true'
  reach "{\"source\": \"internet\", \"destination\": \"$LB_ARN\", \"protocol\": \"tcp\", \"port\": 80}"
  cli_check "reachability: the internet reaches an instance through the ALB's listener on 80" --argjson o "$OUTPUTS" \
    '.analysis.networkPathFound == true and ([.analysis.forwardPath[].component.id] | index($o.target_group_arn.value) != null)'
  reach "{\"source\": \"internet\", \"destination\": \"$DB\", \"protocol\": \"tcp\", \"port\": 5432}"
  cli_check "reachability: the internet does not reach the private database" '.analysis.networkPathFound == false and (.analysis.explanations | length >= 1)'
fi

tf_plan_no_changes
tf_destroy

if [[ -n $VPC ]]; then
  cli describe-network-interfaces --filters "Name=vpc-id,Values=$VPC"
  cli_check "no interface is left in the VPC after destroy" '.NetworkInterfaces | length == 0'
  svc rds describe-db-instances
  cli_check "no DB instance is left" --arg d "$DB" '[.DBInstances[] | select(.DBInstanceIdentifier == $d)] | length == 0'
fi
finish

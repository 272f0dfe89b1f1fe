# Shared by the Terraform client tests (terraform.sh, terraform-networking.sh); sourced, not run.
#
# Before sourcing, the caller sets:
#   TF_LABEL     prefix of the summary lines ("terraform", "terraform-networking")
#   CONFIG_DIR   directory holding the configuration's *.tf files
#   RUN          the run id (names and the RunId tag), passed to Terraform as var.run_id
# After sourcing: ENDPOINT, WORK (temporary working copy, removed on exit unless CONTROLPLANE_TF_KEEP is
# set), a clean AWS/Terraform environment, and the helpers below. When a prerequisite is missing
# (terraform, aws, jq, the provider mirror) sourcing prints the failure and the summary, and exits.
#
# Environment:
#   CONTROLPLANE_ENDPOINT     emulator URL (default http://localhost:4566)
#   CONTROLPLANE_TF_MIRROR    provider mirror directory (the one holding registry.terraform.io/);
#                             found by searching the usual places when unset
#   CONTROLPLANE_TF_KEEP      set to keep the temporary working directory (state, logs) for debugging

ENDPOINT="${CONTROLPLANE_ENDPOINT:-http://localhost:4566}"

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok   $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }
finish() {
  echo "$TF_LABEL: $PASSED passed, $FAILED failed"
  [[ $FAILED -eq 0 ]]
  exit
}

for tool in terraform aws jq; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    fail "$tool is required but not installed"
    finish
  fi
done

# The filesystem mirror: a directory holding registry.terraform.io/hashicorp/aws/<version>/<os_arch>/.
find_mirror() {
  local candidate dir
  if [[ -n ${CONTROLPLANE_TF_MIRROR:-} ]]; then
    echo "$CONTROLPLANE_TF_MIRROR"
    return
  fi
  for candidate in "$HOME/.terraform.d/plugins" "$HOME/.local/share/terraform/plugins" \
    /usr/local/share/terraform/plugins /usr/share/terraform/plugins /opt /usr/local/share /usr/share /usr/local/lib /usr/lib "$HOME"; do
    [[ -d $candidate ]] || continue
    dir="$(find "$candidate" -maxdepth 6 -type d -path '*/registry.terraform.io/hashicorp/aws' 2>/dev/null | sort | head -n1)"
    if [[ -n $dir ]]; then
      dirname "$(dirname "$(dirname "$dir")")"
      return
    fi
  done
}
MIRROR="$(find_mirror)"
if [[ -z $MIRROR || ! -d $MIRROR/registry.terraform.io/hashicorp/aws ]]; then
  fail "no Terraform provider mirror with registry.terraform.io/hashicorp/aws found (set CONTROLPLANE_TF_MIRROR)"
  finish
fi
if ! ls -d "$MIRROR"/registry.terraform.io/hashicorp/aws/5.100.* >/dev/null 2>&1; then
  fail "the mirror $MIRROR has no hashicorp/aws 5.100.x: $(ls "$MIRROR/registry.terraform.io/hashicorp/aws" | tr '\n' ' ')"
  finish
fi

WORK="$(mktemp -d)"
cleanup() {
  if [[ -n ${CONTROLPLANE_TF_KEEP:-} ]]; then
    echo "$TF_LABEL: kept $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
mkdir -p "$WORK/config" "$WORK/aws"
cp "$CONFIG_DIR"/*.tf "$WORK/config/"
cat >"$WORK/terraformrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.terraform.io/hashicorp/*"]
  }
}
disable_checkpoint = true
EOF

# A clean environment for both Terraform and the AWS CLI: no user profiles, endpoints or plugin caches.
# TF_LOG is kept only when TF_LOG_PATH sends it to a file (debugging: TF_LOG=DEBUG TF_LOG_PATH=/tmp/tf.log).
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_ENDPOINT_URL AWS_ENDPOINT_URL_EC2 \
      AWS_ENDPOINT_URL_STS AWS_REGION TF_PLUGIN_CACHE_DIR TF_DATA_DIR TF_WORKSPACE
[[ -n ${TF_LOG_PATH:-} ]] || unset TF_LOG
: >"$WORK/aws/config"
: >"$WORK/aws/credentials"
export AWS_CONFIG_FILE="$WORK/aws/config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws/credentials"
export AWS_ACCESS_KEY_ID="test" AWS_SECRET_ACCESS_KEY="test" AWS_DEFAULT_REGION="us-east-1"
export AWS_MAX_ATTEMPTS=1 AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
export TF_CLI_CONFIG_FILE="$WORK/terraformrc" TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_VAR_endpoint="$ENDPOINT" TF_VAR_run_id="$RUN"

echo "$TF_LABEL: endpoint $ENDPOINT, run $RUN, mirror $MIRROR, $(terraform version 2>/dev/null | head -n1)"

OUT=""
CLI_RC=0
cli() {
  OUT="$(timeout 60 aws --endpoint-url "$ENDPOINT" --output json ec2 "$@" 2>"$WORK/cli.err")"
  CLI_RC=$?
}
cli_check() { # DESC [JQ-OPTIONS...] EXPR
  local desc=$1
  shift
  local expr=${*: -1}
  local opts=("${@:1:$#-1}")
  if [[ $CLI_RC -eq 0 && -n $OUT ]] && jq -e "${opts[@]}" "$expr" <<<"$OUT" >/dev/null 2>&1; then
    pass "$desc"
  else
    fail "$desc [jq: $expr] got: $(jq -c . <<<"$OUT" 2>/dev/null | cut -c1-400) $(tr '\n' ' ' <"$WORK/cli.err" | cut -c1-300)"
  fi
}
cli_error() { # CODE DESC ARGS...: the CLI call fails with that AWS error code
  local code=$1 desc=$2 got
  shift 2
  cli "$@"
  got="$(sed -n 's/.*An error occurred (\([^)]*\)).*/\1/p' "$WORK/cli.err" | head -n1)"
  if [[ $got == "$code" ]]; then pass "$desc -> $got"; else fail "$desc: expected $code, got ${got:-success} $(jq -c . <<<"$OUT" 2>/dev/null | cut -c1-200)"; fi
}

# tf NAME TIMEOUT ARGS...: runs terraform in the working copy, output to $WORK/NAME.log; sets TF_RC.
tf() {
  local name=$1 limit=$2
  shift 2
  timeout "$limit" terraform -chdir="$WORK/config" "$@" >"$WORK/$name.log" 2>&1
  TF_RC=$?
}
# show_log NAME [LINES]: Terraform's error blocks when there are any, else the end of the log.
show_log() {
  if grep -q '^Error: ' "$WORK/$1.log"; then
    sed -n '/^Error: /,$p' "$WORK/$1.log" | head -n "${2:-60}" | sed 's/^/    | /'
  else
    tail -n "${2:-60}" "$WORK/$1.log" | sed 's/^/    | /'
  fi
}

# The common phases. tf_init ends the run when init fails; the others record a check each.
tf_init() {
  tf init 300 init -input=false -no-color
  if [[ $TF_RC -eq 0 ]]; then pass "terraform init (provider from the filesystem mirror)"; else
    fail "terraform init exited $TF_RC"
    show_log init
    finish
  fi
  tf validate 120 validate -no-color
  if [[ $TF_RC -eq 0 ]]; then pass "terraform validate"; else fail "terraform validate exited $TF_RC"; show_log validate; fi
}
tf_apply() { # sets OUTPUTS (terraform output -json)
  tf apply "${1:-900}" apply -auto-approve -input=false -no-color
  if [[ $TF_RC -eq 0 ]]; then pass "terraform apply"; else fail "terraform apply exited $TF_RC"; show_log apply 80; fi
  tf output 60 output -json -no-color
  OUTPUTS="$(cat "$WORK/output.log")"
}
tf_plan_no_changes() {
  tf plan 600 plan -detailed-exitcode -input=false -no-color
  case $TF_RC in
    0) pass "terraform plan after apply shows no changes" ;;
    2)
      fail "terraform plan after apply wants changes (drift)"
      # Every planned action's header; the attribute lines only for in-place updates and replacements.
      awk '/^  # / { show = ($0 ~ /updated in-place|must be replaced/); print; next }
           show && /^ +[~+-] / { print }
           /^Plan: / { print }' "$WORK/plan.log" | head -n 80 | sed 's/^/    | /'
      ;;
    *) fail "terraform plan exited $TF_RC"; show_log plan ;;
  esac
}
tf_destroy() {
  tf destroy "${1:-900}" destroy -auto-approve -input=false -no-color
  if [[ $TF_RC -eq 0 ]]; then pass "terraform destroy"; else fail "terraform destroy exited $TF_RC"; show_log destroy 80; fi
  tf state 60 state list
  if [[ $TF_RC -eq 0 && ! -s $WORK/state.log ]]; then pass "the state is empty after destroy"; else fail "state after destroy: $(tr '\n' ' ' <"$WORK/state.log")"; fi
}

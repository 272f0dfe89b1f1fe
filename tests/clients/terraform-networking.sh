#!/usr/bin/env bash
# Terraform (hashicorp/aws 5.100 from the machine's filesystem mirror) against a running ControlPlane,
# the networking milestone's configuration (tests/clients/terraform-networking/): init, apply, the AWS
# CLI checks what was built, plan with no changes, destroy, then the AWS CLI confirms nothing of the run
# is left behind.
#
#   CONTROLPLANE_ENDPOINT=http://localhost:4566 tests/clients/terraform-networking.sh
#
# Environment: see terraform-lib.sh (CONTROLPLANE_ENDPOINT, CONTROLPLANE_TF_MIRROR, CONTROLPLANE_TF_KEEP).
# Prints one line per check and "terraform-networking: N passed, M failed"; exits non-zero on failure.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TF_LABEL="terraform-networking"
CONFIG_DIR="$HERE/terraform-networking"
RUN="n$(date +%s)$$"
# shellcheck source=terraform-lib.sh
source "$HERE/terraform-lib.sh"

cli describe-vpcs --filters Name=is-default,Values=false
NON_DEFAULT_VPCS_BEFORE="$(jq '.Vpcs | length' <<<"$OUT" 2>/dev/null)"
NON_DEFAULT_VPCS_BEFORE="${NON_DEFAULT_VPCS_BEFORE:-0}"
cli describe-addresses
ADDRESSES_BEFORE="$(jq '.Addresses | length' <<<"$OUT" 2>/dev/null)"
ADDRESSES_BEFORE="${ADDRESSES_BEFORE:-0}"

tf_init
tf_apply 1200
o() { jq -r "$1 // empty" <<<"$OUTPUTS" 2>/dev/null; }
VPC="$(o .vpc_id.value)"
PEER_VPC="$(o .peer_vpc_id.value)"

if [[ -n $VPC ]]; then
  SUBNET_PUBLIC="$(o .subnet_ids.value.public)"
  SUBNET_PRIVATE="$(o .subnet_ids.value.private)"
  IGW="$(o .internet_gateway_id.value)"
  NAT="$(o .nat_gateway_id.value)"
  PCX="$(o .peering_connection_id.value)"
  PL="$(o .prefix_list_id.value)"
  ENI="$(o .network_interface_id.value)"
  WEB="$(o .instance_ids.value.web)"
  APP="$(o .instance_ids.value.app)"
  SG_WEB="$(o .security_group_ids.value.web)"
  SG_APP="$(o .security_group_ids.value.app)"
  SG_DB="$(o .security_group_ids.value.db)"
  VPCE_SSM="$(o .vpc_endpoint_ids.value.ssm)"
  VPCE_S3="$(o .vpc_endpoint_ids.value.s3)"

  cli describe-vpcs --vpc-ids "$VPC"
  cli_check "the VPC exists with its Name tag, the default_tags and an associated Amazon-provided IPv6 block" --arg r "$RUN" --arg v6 "$(o .ipv6_cidr_block.value)" \
    '.Vpcs[0] | .CidrBlock == "10.78.0.0/16" and ((.Tags // []) | from_entries | .Name == "tf-\($r)-vpc" and .RunId == $r and .ManagedBy == "terraform")
     and any(.Ipv6CidrBlockAssociationSet[]?; .Ipv6CidrBlock == $v6 and .Ipv6CidrBlockState.State == "associated" and ($v6 | endswith("::/56")))'
  cli describe-subnets --filters "Name=vpc-id,Values=$VPC"
  cli_check "two subnets; the public one maps public IPs on launch and has an IPv6 /64" --arg p "$SUBNET_PUBLIC" \
    '(.Subnets | length == 2) and ([.Subnets[] | select(.MapPublicIpOnLaunch)] | length == 1 and .[0].SubnetId == $p
       and (.[0].Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock | endswith("::/64")))'
  cli describe-internet-gateways --internet-gateway-ids "$IGW"
  cli_check "the internet gateway is attached to the VPC" --arg v "$VPC" \
    '.InternetGateways[0].Attachments == [{"State": "available", "VpcId": $v}]'

  cli describe-route-tables --route-table-ids "$(o .route_table_ids.value.public)"
  cli_check "public route table: local routes, 0.0.0.0/0 and ::/0 to the internet gateway, associated with the public subnet" --arg g "$IGW" --arg s "$SUBNET_PUBLIC" \
    '.RouteTables[0] | any(.Routes[]; .DestinationCidrBlock == "0.0.0.0/0" and .GatewayId == $g and .State == "active")
     and any(.Routes[]; .DestinationIpv6CidrBlock == "::/0" and .GatewayId == $g)
     and any(.Routes[]; .DestinationCidrBlock == "10.78.0.0/16" and .GatewayId == "local")
     and (.Associations | length == 1 and .[0].SubnetId == $s and .[0].AssociationState.State == "associated")'
  cli describe-route-tables --route-table-ids "$(o .route_table_ids.value.private)"
  cli_check "private route table: 0.0.0.0/0 to the NAT gateway, the peer VPC to the peering, associated with the private subnet" \
    --arg n "$NAT" --arg p "$PCX" --arg s "$SUBNET_PRIVATE" \
    '.RouteTables[0] | any(.Routes[]; .DestinationCidrBlock == "0.0.0.0/0" and .NatGatewayId == $n and .State == "active")
     and any(.Routes[]; .DestinationCidrBlock == "10.79.0.0/16" and .VpcPeeringConnectionId == $p and .State == "active")
     and (.Associations | length == 1 and .[0].SubnetId == $s)'
  cli_check "private route table: S3's prefix list routed to the gateway endpoint" --arg e "$VPCE_S3" \
    '.RouteTables[0] | any(.Routes[]; (.DestinationPrefixListId // "" | startswith("pl-")) and .GatewayId == $e and $e != "" and .State == "active")'
  cli describe-route-tables --filters "Name=vpc-id,Values=$PEER_VPC" Name=association.main,Values=true
  cli_check "the peer VPC's main route table routes the main VPC to the peering" --arg p "$PCX" \
    '.RouteTables[0] | any(.Routes[]; .DestinationCidrBlock == "10.78.0.0/16" and .VpcPeeringConnectionId == $p)'

  cli describe-network-acls --network-acl-ids "$(o .network_acl_ids.value.private)"
  cli_check "private NACL: its five ingress and two egress entries as protocol numbers, the * deny entries (IPv4 and IPv6), the private subnet" --arg s "$SUBNET_PRIVATE" \
    '.NetworkAcls[0] | .IsDefault == false and (.Associations | length == 1 and .[0].SubnetId == $s)
     and ([.Entries[] | select(.Egress | not) | .RuleNumber] | sort == [100, 110, 120, 130, 200, 32767, 32768])
     and ([.Entries[] | select(.Egress) | .RuleNumber] | sort == [100, 110, 32767, 32768])
     and any(.Entries[]; .RuleNumber == 110 and (.Egress | not) and .Protocol == "6" and .PortRange == {"From": 1024, "To": 65535})
     and any(.Entries[]; .RuleNumber == 120 and .Protocol == "1" and .IcmpTypeCode == {"Code": 0, "Type": 8})
     and any(.Entries[]; .RuleNumber == 200 and .Protocol == "17" and .RuleAction == "deny")
     and any(.Entries[]; .RuleNumber == 32768 and .Ipv6CidrBlock == "::/0" and .RuleAction == "deny")'
  cli describe-network-acls --network-acl-ids "$(o .network_acl_ids.value.public)"
  cli_check "public NACL: the two aws_network_acl_rule entries, associated with the public subnet" --arg s "$SUBNET_PUBLIC" \
    '.NetworkAcls[0] | (.Associations | length == 1 and .[0].SubnetId == $s)
     and any(.Entries[]; .RuleNumber == 100 and (.Egress | not) and .Protocol == "6" and .PortRange == {"From": 443, "To": 443})
     and any(.Entries[]; .RuleNumber == 100 and .Egress and .Protocol == "-1")'

  cli get-managed-prefix-list-entries --prefix-list-id "$PL"
  cli_check "the managed prefix list holds its two entries" \
    '[.Entries[].Cidr] | sort == ["198.51.100.0/24", "203.0.113.0/24"]'
  cli describe-security-groups --filters "Name=vpc-id,Values=$VPC"
  cli_check "four security groups (default, web, app, db), the created ones tagged" --arg r "$RUN" \
    '(.SecurityGroups | length == 4) and all(.SecurityGroups[] | select(.GroupName != "default"); (.Tags // []) | from_entries | .RunId == $r)'
  cli describe-security-group-rules --filters "Name=group-id,Values=$SG_WEB"
  cli_check "web: https from anywhere, ssh from the prefix list, egress to app only (default egress revoked)" --arg pl "$PL" --arg app "$SG_APP" \
    '(.SecurityGroupRules | length == 3) and any(.SecurityGroupRules[]; .PrefixListId == $pl and .FromPort == 22 and (.IsEgress | not))
     and ([.SecurityGroupRules[] | select(.IsEgress)] | length == 1 and .[0].ReferencedGroupInfo.GroupId == $app)'
  cli describe-security-group-rules --filters "Name=group-id,Values=$SG_DB"
  cli_check "db: ingress from app and from web, no egress" --arg app "$SG_APP" --arg web "$SG_WEB" \
    '([.SecurityGroupRules[] | select(.IsEgress | not) | .ReferencedGroupInfo.GroupId] | sort == ([$app, $web] | sort))
     and ([.SecurityGroupRules[] | select(.IsEgress)] == [])'

  cli describe-network-interfaces --network-interface-ids "$ENI"
  cli_check "the network interface: private subnet, 10.78.2.50, groups app and db, available" --arg s "$SUBNET_PRIVATE" --arg a "$SG_APP" --arg d "$SG_DB" \
    '.NetworkInterfaces[0] | .SubnetId == $s and .PrivateIpAddress == "10.78.2.50" and .Status == "available" and .InterfaceType == "interface"
     and .RequesterManaged == false and ([.Groups[].GroupId] | sort == ([$a, $d] | sort))'

  cli describe-instances --instance-ids "$WEB" "$APP"
  cli_check "both instances are running with the Amazon Linux 2 image in their subnets and groups" \
    --arg w "$WEB" --arg a "$APP" --arg sp "$SUBNET_PUBLIC" --arg sv "$SUBNET_PRIVATE" --arg gw "$SG_WEB" --arg ga "$SG_APP" \
    '[.Reservations[].Instances[]] | length == 2 and all(.[]; .State.Name == "running" and .InstanceType == "t3.micro")
     and any(.[]; .InstanceId == $w and .SubnetId == $sp and .SecurityGroups[0].GroupId == $gw)
     and any(.[]; .InstanceId == $a and .SubnetId == $sv and .SecurityGroups[0].GroupId == $ga and (.PublicIpAddress == null))'
  cli_check "the public instance's public address is its elastic IP" --arg w "$WEB" --arg ip "$(o .eip.value.web_public_ip)" \
    '.Reservations[].Instances[] | select(.InstanceId == $w) | .PublicIpAddress == $ip and $ip != ""'
  cli describe-addresses --allocation-ids "$(o .eip.value.web_allocation_id)" "$(o .eip.value.nat_allocation_id)"
  cli_check "the elastic IPs: one on the public instance, one on the NAT gateway's interface" --arg w "$WEB" \
    '(.Addresses | length == 2) and all(.Addresses[]; .Domain == "vpc" and .AssociationId != null)
     and any(.Addresses[]; .InstanceId == $w) and any(.Addresses[]; .InstanceId == null and .NetworkInterfaceOwnerId != null)'

  cli describe-nat-gateways --nat-gateway-ids "$NAT"
  cli_check "the NAT gateway is available, public, in the public subnet with its elastic IP" --arg s "$SUBNET_PUBLIC" --arg e "$(o .eip.value.nat_allocation_id)" \
    '.NatGateways[0] | .State == "available" and .ConnectivityType == "public" and .SubnetId == $s
     and .NatGatewayAddresses[0].AllocationId == $e and .NatGatewayAddresses[0].IsPrimary == true'
  NAT_ENI="$(jq -r '.NatGateways[0].NatGatewayAddresses[0].NetworkInterfaceId // empty' <<<"$OUT" 2>/dev/null)"
  [[ -n $NAT_ENI ]] || NAT_ENI="eni-ffffffffffffffff0" # not given: the check below fails on NotFound
  cli describe-network-interfaces --network-interface-ids "$NAT_ENI"
  cli_check "the NAT gateway's interface is type nat_gateway, requester-managed, described after the gateway" --arg n "$NAT" \
    '.NetworkInterfaces[0] | .InterfaceType == "nat_gateway" and .RequesterManaged == true and .Status == "in-use"
     and .Description == "Interface for NAT Gateway \($n)"'

  cli describe-vpc-endpoints --vpc-endpoint-ids "$VPCE_SSM" "$VPCE_S3"
  cli_check "the interface endpoint (ssm) is available with one interface in the private subnet and the app group" --arg e "$VPCE_SSM" --arg s "$SUBNET_PRIVATE" --arg g "$SG_APP" \
    '.VpcEndpoints[] | select(.VpcEndpointId == $e) | .VpcEndpointType == "Interface" and .State == "available"
     and .ServiceName == "com.amazonaws.us-east-1.ssm" and .SubnetIds == [$s] and (.NetworkInterfaceIds | length == 1)
     and .Groups[0].GroupId == $g and .PrivateDnsEnabled == true'
  VPCE_ENI="$(jq -r --arg e "$VPCE_SSM" '.VpcEndpoints[] | select(.VpcEndpointId == $e) | .NetworkInterfaceIds[0] // empty' <<<"$OUT" 2>/dev/null)"
  cli_check "the gateway endpoint (s3) is available on the private route table" --arg e "$VPCE_S3" --arg rt "$(o .route_table_ids.value.private)" \
    '.VpcEndpoints[] | select(.VpcEndpointId == $e) | .VpcEndpointType == "Gateway" and .State == "available" and .RouteTableIds == [$rt]'
  [[ -n $VPCE_ENI ]] || VPCE_ENI="eni-ffffffffffffffff0" # not given: the check below fails on NotFound
  cli describe-network-interfaces --network-interface-ids "$VPCE_ENI"
  cli_check "the endpoint's interface is type vpc_endpoint and requester-managed" --arg e "$VPCE_SSM" \
    '.NetworkInterfaces[0] | .InterfaceType == "vpc_endpoint" and .RequesterManaged == true and .Description == "VPC Endpoint Interface \($e)"'

  cli describe-vpc-peering-connections --vpc-peering-connection-ids "$PCX"
  cli_check "the peering connection is active between the two VPCs" --arg v "$VPC" --arg p "$PEER_VPC" \
    '.VpcPeeringConnections[0] | .Status.Code == "active" and .RequesterVpcInfo.VpcId == $v and .AccepterVpcInfo.VpcId == $p
     and .AccepterVpcInfo.CidrBlock == "10.79.0.0/16"'
else
  fail "terraform output has no vpc_id: $(head -c 300 <<<"$OUTPUTS")"
fi

tf_plan_no_changes
tf_destroy 1200

if [[ -n $VPC ]]; then
  cli_error InvalidVpcID.NotFound "the VPC is gone" describe-vpcs --vpc-ids "$VPC"
  cli describe-network-interfaces --filters "Name=vpc-id,Values=$VPC"
  cli_check "no network interface of the VPC is left (instances', NAT gateway's, endpoint's, the ENI)" '.NetworkInterfaces == []'
fi
if [[ -n $PEER_VPC ]]; then
  cli_error InvalidVpcID.NotFound "the peer VPC is gone" describe-vpcs --vpc-ids "$PEER_VPC"
fi
cli describe-vpcs --filters "Name=tag:RunId,Values=$RUN"
cli_check "no VPC tagged with this run is left" '.Vpcs == []'
cli describe-vpcs --filters Name=is-default,Values=false
cli_check "no non-default VPC is left beyond the $NON_DEFAULT_VPCS_BEFORE there before" --argjson n "$NON_DEFAULT_VPCS_BEFORE" '.Vpcs | length == $n'
cli describe-security-groups --filters "Name=tag:RunId,Values=$RUN"
cli_check "no security group tagged with this run is left" '.SecurityGroups == []'
cli describe-instances --filters "Name=tag:RunId,Values=$RUN"
cli_check "every instance of this run is terminated" '[.Reservations[].Instances[] | select(.State.Name != "terminated")] == []'
cli describe-addresses --filters "Name=tag:RunId,Values=$RUN"
cli_check "no elastic IP of this run is left" '.Addresses == []'
cli describe-addresses
cli_check "no elastic IP is left beyond the $ADDRESSES_BEFORE there before" --argjson n "$ADDRESSES_BEFORE" '.Addresses | length == $n'
cli describe-managed-prefix-lists --filters "Name=prefix-list-name,Values=tf-$RUN-office"
cli_check "no prefix list of this run is left" '[.PrefixLists[] | select(.State != "delete-complete")] == []'
cli describe-nat-gateways --filter "Name=tag:RunId,Values=$RUN"
cli_check "every NAT gateway of this run is deleted" '[.NatGateways[] | select(.State != "deleted")] == []'
cli describe-vpc-endpoints --filters "Name=tag:RunId,Values=$RUN"
cli_check "no VPC endpoint of this run is left" '[.VpcEndpoints[] | select(.State != "deleted")] == []'
cli describe-vpc-peering-connections --filters "Name=tag:RunId,Values=$RUN"
cli_check "every peering connection of this run is deleted" '[.VpcPeeringConnections[] | select(.Status.Code != "deleted")] == []'
cli describe-route-tables --filters "Name=tag:RunId,Values=$RUN"
cli_check "no route table of this run is left" '.RouteTables == []'
cli describe-network-acls --filters "Name=tag:RunId,Values=$RUN"
cli_check "no network ACL of this run is left" '.NetworkAcls == []'
cli describe-internet-gateways --filters "Name=tag:RunId,Values=$RUN"
cli_check "no internet gateway of this run is left" '.InternetGateways == []'

finish

namespace ControlPlane.Reachability.Answers;

/// <summary>
/// The Reachability Analyzer explanation codes the evaluator produces
/// (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html).
/// </summary>
public static class ExplanationCodes
{
    // Configuration: the analysis ends with this one explanation (README §1).
    public const string NoSourceOrDestination = "NO_SOURCE_OR_DESTINATION";
    public const string UnassociatedComponent = "UNASSOCIATED_COMPONENT";
    public const string UnknownDestination = "UNKNOWN_DESTINATION";
    public const string DisconnectedVpcs = "DISCONNECTED_VPCS";
    public const string NoPath = "NO_PATH";

    // Blocking components: every one on a path is reported.
    public const string BadState = "BAD_STATE";
    public const string EniSourceDestCheckRestriction = "ENI_SOURCE_DEST_CHECK_RESTRICTION";
    public const string EniSgRulesMismatch = "ENI_SG_RULES_MISMATCH";
    public const string SgHasNoRules = "SG_HAS_NO_RULES";
    public const string SubnetAclRestriction = "SUBNET_ACL_RESTRICTION";
    public const string NoRouteToDestination = "NO_ROUTE_TO_DESTINATION";
    public const string BadStateRoute = "BAD_STATE_ROUTE";
    public const string VpcLocalRouteCidrRestriction = "VPC_LOCAL_ROUTE_CIDR_RESTRICTION";
    public const string PcxRequiresAddressInVpcCidr = "PCX_REQUIRES_ADDRESS_IN_VPC_CIDR";
    public const string UnsupportedComponent = "UNSUPPORTED_COMPONENT";
    public const string IgwPublicIpAssociationForEgress = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS";
    public const string IgwDestinationNotInRfc1918Egress = "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS";
    public const string IgwDestinationNotInRfc6598Egress = "IGW_DESTINATION_ADDRESS_NOT_IN_RFC6598_EGRESS";
    public const string IgwPrivateIpAssociationForIngress = "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS";
    public const string IgwSourceNotInRfc1918Ingress = "IGW_SOURCE_ADDRESS_NOT_IN_RFC1918_INGRESS";
    public const string IgwSourceNotInRfc6598Ingress = "IGW_SOURCE_ADDRESS_NOT_IN_RFC6598_INGRESS";
    public const string IgwNatReflection = "IGW_NAT_REFLECTION";

    // Load balancers (README §8).
    public const string ElbListenersMismatch = "ELB_LISTENERS_MISMATCH";
    public const string Elbv2ListenerHasNoTargetGroup = "ELBV2_LISTENER_HAS_NO_TG";
}

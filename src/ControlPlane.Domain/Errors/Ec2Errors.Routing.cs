namespace ControlPlane.Domain.Errors;

/// <summary>
/// Route tables, routes, internet gateways and egress-only internet gateways. Codes follow the EC2 error list
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html); messages follow what AWS answers
/// (as clients that match on them, such as Terraform's "cannot remove local route", expect).
/// </summary>
public static partial class Ec2Errors
{
    // Route tables.
    public static AwsException RouteTableLimitExceeded(string vpcId) =>
        new("RouteTableLimitExceeded", $"The maximum number of route tables has been reached for VPC '{vpcId}'.");
    public static AwsException RouteTableDependencyViolation(string id) =>
        new("DependencyViolation", $"The routeTable '{id}' has dependencies and cannot be deleted.");

    // Route table associations.
    public static AwsException RouteTableAssociationNotFound(string id) =>
        new("InvalidAssociationID.NotFound", $"The association ID '{id}' does not exist");
    public static AwsException RouteTableAssociationTargetMissing() =>
        new("MissingParameter", "The request must contain exactly one of subnetId or gatewayId");
    public static AwsException RouteTableAssociationTargetCombination() =>
        new("InvalidParameterCombination", "The request must contain exactly one of subnetId or gatewayId");
    public static AwsException RouteTableAssociationConflict(string routeTableId) =>
        new("Resource.AlreadyAssociated", $"the specified association for route table {routeTableId} conflicts with an existing association");
    public static AwsException CannotDisassociateMainRouteTable(string associationId) =>
        new("InvalidParameterValue", $"cannot disassociate the main route table association {associationId}");
    public static AwsException RouteTableSubnetInOtherVpc(string routeTableId, string subnetId) =>
        new("InvalidParameterValue", $"Route table {routeTableId} and subnet {subnetId} belong to different networks");
    public static AwsException RouteTableAssociationInOtherVpc(string associationId, string routeTableId) =>
        new("InvalidParameterValue", $"Route table association {associationId} and route table {routeTableId} belong to different networks");

    // Routes: destination and target.
    public static AwsException RouteDestinationMissing() =>
        new("MissingParameter", "The request must contain exactly one of destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId");
    public static AwsException RouteDestinationCombination() =>
        new("InvalidParameterCombination", "The request must contain exactly one of destinationCidrBlock, destinationIpv6CidrBlock or destinationPrefixListId");
    public static AwsException RouteTargetMissing(bool replace) => new("MissingParameter", RouteTargetMessage(replace));
    public static AwsException RouteTargetCombination(bool replace) => new("InvalidParameterCombination", RouteTargetMessage(replace));

    private static string RouteTargetMessage(bool replace) =>
        "The request must contain exactly one of gatewayId, localGatewayId, carrierGatewayId, natGatewayId, networkInterfaceId, "
        + "vpcPeeringConnectionId, egressOnlyInternetGatewayId, transitGatewayId, vpcEndpointId, coreNetworkArn, odbNetworkArn or instanceId"
        + (replace ? ", or must have localTarget set to true" : "");

    public static AwsException RouteTargetUnsupported(string parameter) =>
        new("UnsupportedOperation", $"The route target {parameter} is not supported by ControlPlane.");
    public static AwsException RouteTargetInOtherVpc(string routeTableId, string targetId) =>
        new("InvalidParameterValue", $"route table {routeTableId} and network gateway {targetId} belong to different networks");
    public static AwsException RouteInterfaceInOtherVpc(string routeTableId, string networkInterfaceId) =>
        new("InvalidParameterValue", $"Route table {routeTableId} and interface {networkInterfaceId} belong to different networks");
    public static AwsException EgressOnlyRouteNeedsIpv6(string gatewayId) =>
        new("InvalidParameterValue", $"The egress-only internet gateway {gatewayId} can only be the target of an IPv6 destination.");
    public static AwsException RouteMoreSpecificThanLocal(string destination) =>
        new("InvalidParameterValue", $"The destination CIDR block {destination} is equal to or more specific than one of this VPC's CIDR blocks. This route can target only an interface or an instance.");
    public static AwsException LocalTargetOutsideVpc(string destination) =>
        new("InvalidParameterValue", $"The destination {destination} is not a local route of this VPC; localTarget resets only a local route.");

    // Routes: lifecycle.
    public static AwsException RouteAlreadyExists(string destination) =>
        new("RouteAlreadyExists", $"The route identified by {destination} already exists.");
    public static AwsException RouteNotFound(string routeTableId, string parameter, string destination) =>
        new("InvalidRoute.NotFound", $"no route with {parameter} {destination} in route table {routeTableId}");
    public static AwsException RouteToReplaceNotFound(string destination) =>
        new("InvalidParameterValue", $"There is no route defined for '{destination}' in the route table. Use CreateRoute instead.");
    public static AwsException CannotRemoveLocalRoute(string destination, string routeTableId) =>
        new("InvalidParameterValue", $"cannot remove local route {destination} in route table {routeTableId}");
    public static AwsException RouteLimitExceeded(string routeTableId) =>
        new("RouteLimitExceeded", $"The maximum number of routes has been reached for route table '{routeTableId}'.");

    // Route targets the store does not hold (or not yet): no id of theirs can exist, so AWS's NotFound answers.
    public static AwsException RouteGatewayNotFound(string id) =>
        new("InvalidGatewayID.NotFound", $"The gateway ID '{id}' does not exist");
    public static AwsException RouteNatGatewayNotFound(string id) =>
        new("InvalidNatGatewayID.NotFound", $"The natGateway ID '{id}' does not exist");
    public static AwsException RouteInstanceNotFound(string id) =>
        new("InvalidInstanceID.NotFound", $"The instance ID '{id}' does not exist");
    public static AwsException RouteVpcPeeringConnectionNotFound(string id) =>
        new("InvalidVpcPeeringConnectionID.NotFound", $"The vpcPeeringConnection ID '{id}' does not exist");
    public static AwsException RouteTransitGatewayNotFound(string id) =>
        new("InvalidTransitGatewayID.NotFound", $"The transitGateway ID '{id}' does not exist");
    public static AwsException RouteVpcEndpointNotFound(string id) =>
        new("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{id}' does not exist");
    public static AwsException RouteLocalGatewayNotFound(string id) =>
        new("InvalidLocalGatewayID.NotFound", $"The localGateway ID '{id}' does not exist");
    public static AwsException RouteCarrierGatewayNotFound(string id) =>
        new("InvalidCarrierGatewayID.NotFound", $"The CarrierGateway ID '{id}' does not exist");

    // Internet gateways.
    public static AwsException InternetGatewayLimitExceeded() =>
        new("InternetGatewayLimitExceeded", "The maximum number of internet gateways has been reached.");
    public static AwsException InternetGatewayAlreadyAttached(string gatewayId, string vpcId) =>
        new("Resource.AlreadyAssociated", $"resource {gatewayId} is already attached to network {vpcId}");
    public static AwsException VpcAlreadyHasInternetGateway(string vpcId) =>
        new("InvalidParameterValue", $"Network {vpcId} already has an internet gateway attached");
    public static AwsException InternetGatewayNotAttached(string gatewayId, string vpcId) =>
        new("Gateway.NotAttached", $"resource {gatewayId} is not attached to network {vpcId}");
    public static AwsException InternetGatewayDependencyViolation(string gatewayId) =>
        new("DependencyViolation", $"The internetGateway '{gatewayId}' has dependencies and cannot be deleted.");
    public static AwsException InternetGatewayPublicAddressesMapped(string vpcId) =>
        new("DependencyViolation", $"Network {vpcId} has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.");
    public static AwsException InternetGatewayEdgeAssociated(string gatewayId, string associationId) =>
        new("DependencyViolation", $"The internetGateway '{gatewayId}' is associated with a route table ({associationId}); disassociate it before detaching the gateway.");

    // Egress-only internet gateways.
    public static AwsException EgressOnlyInternetGatewayNotFound(string id) =>
        new("InvalidGatewayID.NotFound", $"The eigw ID '{id}' does not exist");
    public static AwsException EgressOnlyInternetGatewayIdMalformed(string id) =>
        Malformed("InvalidEgressOnlyInternetGatewayId.Malformed", "eigw", id);
    public static AwsException EgressOnlyInternetGatewayLimitExceeded() =>
        new("EgressOnlyInternetGatewayLimitExceeded", "The maximum number of egress-only internet gateways has been reached.");
}

namespace ControlPlane.Domain.Errors;

/// <summary>
/// VPC peering connections. Codes follow the EC2 error list
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html); "User … cannot accept peering pcx-…"
/// is what AWS answers a requester that tries to accept (seen in Terraform and CDK issue reports).
/// </summary>
public static partial class Ec2Errors
{
    public static AwsException VpcPeeringConnectionNotFound(string id) => VpcPeeringConnectionsNotFound([id]);
    public static AwsException VpcPeeringConnectionsNotFound(IReadOnlyList<string> ids) =>
        IdsNotFound("InvalidVpcPeeringConnectionID.NotFound", "vpcPeeringConnection", ids);
    public static AwsException VpcPeeringConnectionIdMalformed(string id) =>
        Malformed("InvalidVpcPeeringConnectionId.Malformed", "pcx", id);
    public static AwsException VpcPeeringConnectionNotAccepter(string accountId, string verb, string id) =>
        new("OperationNotPermitted", $"User {accountId} cannot {verb} peering {id}");
    public static AwsException VpcPeeringConnectionStateTransition(string id, string state) =>
        new("InvalidStateTransition", $"Invalid state transition for {id}, attempted to transition from {state}");
    public static AwsException VpcPeeringConnectionAlreadyExists(string vpcId, string peerVpcId) =>
        new("VpcPeeringConnectionAlreadyExists", $"A VPC peering connection between {vpcId} and {peerVpcId} already exists.");
    public static AwsException VpcPeeringConnectionLimitExceeded(string vpcId, string state) =>
        new("VpcPeeringConnectionLimitExceeded", $"The maximum number of {state} VPC peering connections has been reached for VPC '{vpcId}'.");
    public static AwsException PeerRegionUnknown(string region) =>
        new("InvalidParameterValue", $"The region '{region}' does not exist.");
    public static AwsException RouteVpcPeeringConnectionInOtherVpc(string routeTableId, string id) =>
        new("InvalidParameterValue", $"route table {routeTableId} and peering connection {id} belong to different networks");
    public static AwsException RouteVpcPeeringConnectionUnusable(string id, string state) =>
        new("InvalidParameterValue", $"The VPC peering connection {id} is {state} and cannot be the target of a route.");
}

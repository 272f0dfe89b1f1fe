namespace ControlPlane.Domain.Model;

/// <summary>Outbound-only IPv6 gateway of one VPC. https://docs.aws.amazon.com/vpc/latest/userguide/egress-only-internet-gateway.html</summary>
public sealed class EgressOnlyInternetGateway : Resource
{
    public required string VpcId { get; init; }
}

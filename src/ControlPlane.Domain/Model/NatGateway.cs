namespace ControlPlane.Domain.Model;

/// <summary>
/// A NAT gateway (<c>nat-…</c>) in a subnet, with its requester-managed <c>nat_gateway</c> interface and, when
/// public, an Elastic IP. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NatGateway.html
/// </summary>
public sealed class NatGateway : Resource
{
    public required string VpcId { get; init; }
    public required string SubnetId { get; init; }
    public string ConnectivityType { get; init; } = "public";

    /// <summary><c>pending</c>, <c>available</c>, <c>deleting</c>, <c>deleted</c>, <c>failed</c>.</summary>
    public string State { get; set; } = "available";
    public string? NetworkInterfaceId { get; set; }
    public string? AllocationId { get; init; }
    public string? PrivateIp { get; init; }
    public string? PublicIp { get; init; }
    public required DateTimeOffset CreateTime { get; init; }
    public DateTimeOffset? DeleteTime { get; set; }
}

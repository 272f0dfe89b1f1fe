namespace ControlPlane.Domain.Model;

/// <summary>
/// A VPC peering connection (<c>pcx-…</c>). It belongs to two scopes at once (requester and accepter account/region),
/// so it is not a <see cref="ScopedEntity"/>: queries select the rows where the caller is either side.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcPeeringConnection.html
/// </summary>
public sealed class VpcPeeringConnection
{
    public required string Id { get; init; }
    public required string RequesterAccountId { get; init; }
    public required string RequesterRegion { get; init; }
    public required string RequesterVpcId { get; init; }
    public required string AccepterAccountId { get; init; }
    public required string AccepterRegion { get; init; }
    public required string AccepterVpcId { get; init; }

    /// <summary><c>initiating-request</c>, <c>pending-acceptance</c>, <c>active</c>, <c>rejected</c>, <c>deleted</c>, <c>expired</c>, <c>failed</c>, …</summary>
    public string Status { get; set; } = "pending-acceptance";
    public string StatusMessage { get; set; } = "";
    public required DateTimeOffset ExpirationTime { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public bool RequesterAllowDnsResolutionFromRemoteVpc { get; set; }
    public bool AccepterAllowDnsResolutionFromRemoteVpc { get; set; }
}

namespace ControlPlane.Domain.Model;

/// <summary>
/// An Elastic IP address (<c>eipalloc-…</c>) of the VPC domain, optionally associated (<c>eipassoc-…</c>) with a
/// private address of a network interface. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Address.html
/// </summary>
public sealed class ElasticIp : Resource
{
    public required string PublicIp { get; init; }
    public string NetworkBorderGroup { get; init; } = "";
    public string? AssociationId { get; set; }
    public string? NetworkInterfaceId { get; set; }
    public string? PrivateIpAddress { get; set; }
    public string? InstanceId { get; set; }
}

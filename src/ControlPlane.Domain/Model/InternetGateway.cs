namespace ControlPlane.Domain.Model;

public sealed class InternetGateway : Resource
{
    public string? AttachedVpcId { get; set; }
}

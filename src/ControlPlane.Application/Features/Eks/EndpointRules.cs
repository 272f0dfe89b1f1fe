using System.Net;

namespace ControlPlane.Application.Features.Eks;

/// <summary>
/// The API server endpoint settings of a resourcesVpcConfig: public, private or both, never neither; public access
/// limited to IPv4 CIDR blocks.
/// https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
/// </summary>
public static class EndpointRules
{
    public static bool HasAccess(VpcConfigRequest? config) => config is null || config.EndpointPublicAccess != false || config.EndpointPrivateAccess == true;

    public static bool IsCidr(string cidr) =>
        cidr.Contains('/') && IPNetwork.TryParse(cidr, out var network) && network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
}

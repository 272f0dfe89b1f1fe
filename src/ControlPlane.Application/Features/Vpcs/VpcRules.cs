using ControlPlane.Domain.Networking;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>VPC and subnet IPv4 blocks are between /16 and /28. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html</summary>
public static class VpcRules
{
    public const int LargestPrefix = 16;
    public const int SmallestPrefix = 28;

    public static bool HasVpcSize(string text) =>
        Cidr.TryParse(text, out var c) && c.PrefixLength is >= LargestPrefix and <= SmallestPrefix;
}

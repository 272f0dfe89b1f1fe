using System.Globalization;

namespace ControlPlane.Reachability.Tests.DescribeJson;

/// <summary>
/// Protocols as the CLI prints them: security groups show names for the ones AWS knows (<c>tcp</c>, <c>udp</c>, <c>icmp</c>,
/// <c>icmpv6</c>), NACLs show numbers; <c>-1</c> is all traffic
/// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html).
/// </summary>
public static class Protocols
{
    public static int Number(string protocol) => protocol.ToLowerInvariant() switch
    {
        "-1" or "all" => -1,
        "tcp" => 6,
        "udp" => 17,
        "icmp" => 1,
        "icmpv6" => 58,
        var number => int.Parse(number, CultureInfo.InvariantCulture),
    };
}

using ControlPlane.Domain.Errors;

namespace ControlPlane.Domain.Networking;

/// <summary>
/// The port part of a security group rule: a TCP/UDP port range, an ICMP type/code pair, or nothing (all ports).
/// tcp/udp need both ports (0-65535); icmp needs a type and a code (-1 for all; code -1 when type is -1);
/// icmpv6 may omit them (all types); -1 and every other protocol cover all ports whatever was sent.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
/// </summary>
public readonly record struct PortRange
{
    private PortRange(int? from, int? to) { From = from; To = to; }

    /// <summary>From port, or ICMP type (-1 = all). Null when the protocol carries no ports.</summary>
    public int? From { get; }

    /// <summary>To port, or ICMP code (-1 = all). Null when the protocol carries no ports.</summary>
    public int? To { get; }

    public static readonly PortRange AllPorts = new(null, null);

    public static PortRange ForSecurityGroup(IpProtocol protocol, int? from, int? to)
    {
        if (!protocol.HasPorts) return AllPorts;
        if (protocol.IsIcmp)
        {
            if (from is null || to is null)
            {
                if (protocol.Number == 58 && from is null && to is null) return new PortRange(-1, -1);
                throw Ec2Errors.PortRangeRequired("ICMP");
            }
            if (from is < -1 or > 255) throw Ec2Errors.InvalidIcmpType(from.Value);
            if (to is < -1 or > 255) throw Ec2Errors.InvalidIcmpCode(to.Value);
            if (from == -1 && to != -1) throw Ec2Errors.InvalidIcmpCode(to.Value);
            return new PortRange(from, to);
        }
        if (from is null || to is null) throw Ec2Errors.PortRangeRequired("TCP/UDP");
        if (from is < 0 or > 65535) throw Ec2Errors.PortOutOfRange(from.Value);
        if (to is < 0 or > 65535) throw Ec2Errors.PortOutOfRange(to.Value);
        if (from > to) throw Ec2Errors.InvalidPortRange(from.Value, to.Value);
        return new PortRange(from, to);
    }

    /// <summary>Whether a TCP/UDP port (or ICMP type) falls inside the range.</summary>
    public bool Covers(int port) => From is null || From == -1 || (port >= From && port <= To);
}

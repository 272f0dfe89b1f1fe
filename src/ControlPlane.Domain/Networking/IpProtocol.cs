namespace ControlPlane.Domain.Networking;

/// <summary>
/// An IP protocol as security group rules carry it. AWS accepts the names <c>tcp</c>, <c>udp</c>, <c>icmp</c>,
/// <c>icmpv6</c>, any IANA number, or <c>-1</c> for all, and answers with the name for the four it knows
/// (a rule authorised as <c>6</c> reads back and revokes as <c>tcp</c>).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
/// </summary>
public readonly record struct IpProtocol
{
    public const int AllNumber = -1;
    public static readonly IpProtocol All = new(AllNumber);
    public static readonly IpProtocol Tcp = new(6);
    public static readonly IpProtocol Udp = new(17);
    public static readonly IpProtocol Icmp = new(1);
    public static readonly IpProtocol Icmpv6 = new(58);

    private IpProtocol(int number) => Number = number;

    /// <summary>IANA protocol number, or -1 for all protocols.</summary>
    public int Number { get; }

    public bool IsAll => Number == AllNumber;

    /// <summary>Only tcp, udp, icmp and icmpv6 rules carry ports (or ICMP type/code); every other protocol covers all of them.</summary>
    public bool HasPorts => Number is 6 or 17 or 1 or 58;

    public bool IsIcmp => Number is 1 or 58;

    /// <summary>The form AWS returns from security group APIs: a name for the known four, otherwise the number.</summary>
    public string WireName => Number switch
    {
        6 => "tcp",
        17 => "udp",
        1 => "icmp",
        58 => "icmpv6",
        _ => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Names (any case) and numbers, as the security group APIs accept them.</summary>
    public static bool TryParseSecurityGroupProtocol(string? text, out IpProtocol protocol)
    {
        protocol = default;
        switch (text?.ToLowerInvariant())
        {
            case null or "": return false;
            case "tcp": protocol = Tcp; return true;
            case "udp": protocol = Udp; return true;
            case "icmp": protocol = Icmp; return true;
            case "icmpv6": protocol = Icmpv6; return true;
            default: return TryParseNumber(text, out protocol);
        }
    }

    /// <summary>Numbers only, as the network ACL APIs accept them (a name is "Unknown protocol").</summary>
    public static bool TryParseNumber(string? text, out IpProtocol protocol)
    {
        protocol = default;
        if (text == "-1") { protocol = All; return true; }
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n > 255) return false;
        protocol = new IpProtocol(n);
        return true;
    }

    public static IpProtocol FromNumber(int number) =>
        number == AllNumber || number is >= 0 and <= 255 ? new IpProtocol(number) : throw new ArgumentOutOfRangeException(nameof(number));

    public override string ToString() => WireName;
}

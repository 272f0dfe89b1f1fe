using System.Text.RegularExpressions;

namespace ControlPlane.Domain.Ids;

/// <summary>AWS resource id prefixes. Ids are the prefix, a dash and 17 lowercase hex digits (<c>sg-0123456789abcdef0</c>).</summary>
public static partial class ResourceIds
{
    public const string Vpc = "vpc";
    public const string VpcCidrAssociation = "vpc-cidr-assoc";
    public const string Subnet = "subnet";
    public const string SubnetCidrAssociation = "subnet-cidr-assoc";
    public const string SecurityGroup = "sg";
    public const string SecurityGroupRule = "sgr";
    public const string NetworkAcl = "acl";
    public const string NetworkAclAssociation = "aclassoc";
    public const string RouteTable = "rtb";
    public const string RouteTableAssociation = "rtbassoc";
    public const string InternetGateway = "igw";
    public const string DhcpOptions = "dopt";
    public const string NetworkInterface = "eni";
    public const string EgressOnlyInternetGateway = "eigw";
    public const string PrefixList = "pl";
    public const string Instance = "i";
    public const string Image = "ami";
    public const string Reservation = "r";
    public const string Volume = "vol";
    public const string ElasticIpAllocation = "eipalloc";
    public const string ElasticIpAssociation = "eipassoc";
    public const string NatGateway = "nat";
    public const string VpcEndpoint = "vpce";
    public const string VpcPeeringConnection = "pcx";
    public const string NetworkInsightsPath = "nip";
    public const string NetworkInsightsAnalysis = "nia";

    /// <summary>AWS accepts the old 8-digit form and the current 17-digit form.</summary>
    public static bool IsWellFormed(string? id, string prefix) =>
        id is not null && id.Length > prefix.Length + 1 && id.StartsWith(prefix, StringComparison.Ordinal) && id[prefix.Length] == '-'
        && HexSuffix().IsMatch(id.AsSpan(prefix.Length + 1));

    [GeneratedRegex("^(?:[0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex HexSuffix();
}

/// <summary>Makes new ids; injected so tests can make them deterministic.</summary>
public interface IIdGenerator
{
    string NewId(string prefix);
}

public sealed class RandomIdGenerator : IIdGenerator
{
    public string NewId(string prefix)
    {
        Span<byte> bytes = stackalloc byte[9];
        Random.Shared.NextBytes(bytes);
        return string.Create(prefix.Length + 18, (prefix, hex: Convert.ToHexStringLower(bytes)), static (span, s) =>
        {
            s.prefix.AsSpan().CopyTo(span);
            span[s.prefix.Length] = '-';
            s.hex.AsSpan(0, 17).CopyTo(span[(s.prefix.Length + 1)..]);
        });
    }
}

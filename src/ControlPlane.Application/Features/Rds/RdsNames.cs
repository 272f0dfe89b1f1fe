using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// How RDS names things: identifiers, ARNs (<c>arn:aws:rds:&lt;region&gt;:&lt;account&gt;:db:&lt;id&gt;</c>, <c>cluster:</c>,
/// <c>subgrp:</c>), resource ids (<c>db-</c> / <c>cluster-</c> + 26 upper-case characters) and endpoint DNS names
/// (<c>&lt;id&gt;.&lt;12 characters&gt;.&lt;region&gt;.rds.amazonaws.com</c>, clusters <c>&lt;id&gt;.cluster-…</c> and
/// <c>&lt;id&gt;.cluster-ro-…</c>). The 12 characters are fixed per account and region in AWS, so they are derived from both.
/// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ConnectToInstance.html
/// </summary>
public static partial class RdsNames
{
    public const string Service = "rds";
    public const string InstanceKind = "db";
    public const string ClusterKind = "cluster";
    public const string SubnetGroupKind = "subgrp";
    public const string DefaultSubnetGroup = "default";

    /// <summary>1 to 63 letters, digits and hyphens; a letter first; no trailing or double hyphen.</summary>
    public static bool IsValidIdentifier(string? id) => id is { Length: >= 1 and <= 63 } && Identifier().IsMatch(id) && !id.Contains("--", StringComparison.Ordinal);

    /// <summary>Up to 255 letters, digits, periods, underscores, spaces and hyphens.</summary>
    public static bool IsValidSubnetGroupName(string? name) => name is { Length: >= 1 and <= 255 } && SubnetGroupName().IsMatch(name);

    /// <summary>Terraform sends unset strings as empty parameters (<c>EngineVersion=</c>, <c>DBName=</c>); RDS reads them as absent.</summary>
    public static string? Given(this string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static string Suffix(string accountId, string region)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId}/{region}"));
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Concat(hash.Take(12).Select(b => alphabet[b % alphabet.Length]));
    }

    public static string InstanceAddress(string id, RdsEngines.Engine? engine, string accountId, string region) =>
        $"{id}.{Suffix(accountId, region)}.{region}.{engine?.Domain ?? "rds"}.amazonaws.com";

    public static string ClusterAddress(string id, RdsEngines.Engine? engine, string accountId, string region, bool reader) =>
        $"{id}.cluster-{(reader ? "ro-" : "")}{Suffix(accountId, region)}.{region}.{engine?.Domain ?? "rds"}.amazonaws.com";

    /// <summary>The Route 53 zone RDS endpoints of the region live in (the RDS endpoints table).</summary>
    public static string HostedZoneId(string region) => region switch
    {
        "us-east-1" => "Z2R2ITUGPM61AM",
        "us-east-2" => "Z2XHWR1WZ565X2",
        "us-west-1" => "Z10WI91S59XXQN",
        "us-west-2" => "Z1PVIF0B656C1W",
        "eu-west-1" => "Z29XKXDKYMONMX",
        "eu-central-1" => "Z1RLNUO7B9Q6NB",
        "ap-southeast-1" => "Z2G0U3KFCY8NZ5",
        "ap-northeast-1" => "Z24O6O9L7SGTNB",
        _ => "Z" + string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes(region)).Take(12).Select(b => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[b % 36])),
    };

    /// <summary><c>db-</c> or <c>cluster-</c> followed by 26 upper-case letters and digits.</summary>
    public static string NewResourceId(string prefix) =>
        prefix + "-" + string.Concat(RandomNumberGenerator.GetItems<char>("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 26));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]$|^[A-Za-z]$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Za-z0-9._ -]+$")]
    private static partial Regex SubnetGroupName();
}

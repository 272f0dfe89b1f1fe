using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// One AWS-managed prefix list of a region: owned by <c>AWS</c>, read-only, at version 1. <see cref="MaxEntries"/> is
/// also its weight, what a security group rule naming it counts toward the group's rule quota.
/// https://docs.aws.amazon.com/vpc/latest/userguide/working-with-aws-managed-prefix-lists.html
/// </summary>
public sealed record AwsManagedPrefixList(string Id, string Name, int MaxEntries, IReadOnlyList<string> Cidrs, bool GatewayEndpoint)
{
    public const string OwnerId = "AWS";
    public const string AddressFamily = "IPv4";
    public const long Version = 1;

    /// <summary>AWS-managed lists carry <c>aws</c> where an account id would be.</summary>
    public string Arn(string region) => $"arn:aws:ec2:{region}:aws:prefix-list/{Id}";
}

/// <summary>
/// The AWS-managed prefix lists every region has: the S3 and DynamoDB gateway-endpoint lists (the ones the legacy
/// DescribePrefixLists shows) and CloudFront's origin-facing list. Ids have AWS's short form (<c>pl-</c> and 8 hex
/// digits): us-east-1 keeps the ids AWS uses there (configurations often hard-code <c>pl-63a5400a</c>), other
/// regions get a stable id hashed from the list's name. The CIDRs are a few of the blocks AWS publishes for these
/// services in us-east-1 (https://ip-ranges.amazonaws.com/ip-ranges.json), the same in every region; real lists are
/// longer and change over time.
/// </summary>
public static class AwsManagedPrefixLists
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<AwsManagedPrefixList>> ByRegion = new(StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, string> UsEast1Ids = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["com.amazonaws.us-east-1.s3"] = "pl-63a5400a",
        ["com.amazonaws.us-east-1.dynamodb"] = "pl-02cd2c6b",
        ["com.amazonaws.global.cloudfront.origin-facing"] = "pl-3b927c52",
    };

    private static readonly string[] S3 = ["3.5.0.0/19", "16.182.0.0/16", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16"];
    private static readonly string[] DynamoDb = ["3.218.180.0/22", "52.94.0.0/22", "52.119.224.0/20"];
    private static readonly string[] CloudFront =
        ["13.32.0.0/15", "13.224.0.0/14", "18.64.0.0/14", "52.84.0.0/15", "54.230.0.0/16", "54.239.128.0/18", "99.84.0.0/16", "205.251.192.0/19"];

    /// <summary>CloudFront's origin-facing list weighs 55 rules whatever its current length (AWS documents that weight).</summary>
    private const int CloudFrontWeight = 55;

    public static IReadOnlyList<AwsManagedPrefixList> Of(string region) => ByRegion.GetOrAdd(region, Build);

    public static AwsManagedPrefixList? Find(string region, string id) => Of(region).FirstOrDefault(l => l.Id == id);

    private static IReadOnlyList<AwsManagedPrefixList> Build(string region) =>
    [
        List(region, $"com.amazonaws.{region}.s3", S3, S3.Length, gatewayEndpoint: true),
        List(region, $"com.amazonaws.{region}.dynamodb", DynamoDb, DynamoDb.Length, gatewayEndpoint: true),
        List(region, "com.amazonaws.global.cloudfront.origin-facing", CloudFront, CloudFrontWeight, gatewayEndpoint: false),
    ];

    private static AwsManagedPrefixList List(string region, string name, string[] cidrs, int weight, bool gatewayEndpoint) =>
        new(IdOf(region, name), name, weight, cidrs, gatewayEndpoint);

    private static string IdOf(string region, string name)
    {
        if (region == "us-east-1" && UsEast1Ids.TryGetValue(name, out var known)) return known;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{region}/{name}"));
        return "pl-" + Convert.ToHexStringLower(hash.AsSpan(0, 4));
    }
}

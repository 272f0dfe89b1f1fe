using BenchmarkDotNet.Attributes;
using ControlPlane.Benchmarks.Infrastructure;

namespace ControlPlane.Benchmarks;

/// <summary>
/// The networking listings of a large VPC (raw EC2 Query form posts, like <see cref="SecurityGroupBenchmarks"/>):
/// DescribeNetworkInterfaces of a VPC holding 1,000 interfaces and DescribeNetworkAcls of a VPC holding 50 custom ACLs.
/// </summary>
public class NetworkingBenchmarks : HostBenchmark
{
    public const int ListedInterfaces = 1000;
    public const int ListedAcls = 50;

    /// <summary>Entries per custom ACL, each direction (AWS's default quota is 20 per direction).</summary>
    public const int EntriesPerDirection = 5;

    private byte[] _listingBody = [];

    [GlobalSetup(Target = nameof(DescribeVpc1000Interfaces))]
    public Task SetupDescribeVpc1000Interfaces() => SetupAsync(nameof(DescribeVpc1000Interfaces), "DescribeNetworkInterfaces", DescribeVpc1000Interfaces, async () =>
    {
        var vpcId = await Fixtures.CreateVpcAsync(Host.Raw, "10.1.0.0/16");
        // A /21 holds 2,043 usable addresses: room for the 1,000 interfaces, each with its primary address and the VPC's default group.
        var subnetId = Ec2Form.Element(await Host.Raw.CallAsync("CreateSubnet", ("VpcId", vpcId), ("CidrBlock", "10.1.0.0/21")), "subnetId");
        for (var i = 0; i < ListedInterfaces; i++)
        {
            await Host.Raw.CallAsync("CreateNetworkInterface", ("SubnetId", subnetId), ("Description", $"benchmark interface {i}"));
        }
        await VerifyListingAsync(nameof(DescribeVpc1000Interfaces), "DescribeNetworkInterfaces", vpcId, "networkInterfaceId", ListedInterfaces);
    });

    [GlobalSetup(Target = nameof(DescribeVpc50Acls))]
    public Task SetupDescribeVpc50Acls() => SetupAsync(nameof(DescribeVpc50Acls), "DescribeNetworkAcls", DescribeVpc50Acls, async () =>
    {
        var vpcId = await Fixtures.CreateVpcAsync(Host.Raw, "10.2.0.0/16");
        for (var i = 0; i < ListedAcls; i++)
        {
            var aclId = Ec2Form.Element(await Host.Raw.CallAsync("CreateNetworkAcl", ("VpcId", vpcId)), "networkAclId");
            for (var n = 1; n <= EntriesPerDirection; n++)
            {
                foreach (var egress in new[] { "false", "true" })
                {
                    await Host.Raw.CallAsync("CreateNetworkAclEntry", ("NetworkAclId", aclId), ("RuleNumber", $"{n * 100}"), ("Egress", egress),
                        ("Protocol", "6"), ("RuleAction", n % 2 == 0 ? "deny" : "allow"), ("CidrBlock", $"10.{i}.{n}.0/24"),
                        ("PortRange.From", $"{1000 + n}"), ("PortRange.To", $"{2000 + n}"));
                }
            }
        }
        // The VPC's default ACL is listed too.
        await VerifyListingAsync(nameof(DescribeVpc50Acls), "DescribeNetworkAcls", vpcId, "default", ListedAcls + 1);
    });

    /// <summary>DescribeNetworkInterfaces filtered by vpc-id: 1,000 interfaces.</summary>
    [Benchmark, BenchmarkCategory("listing")]
    public Task<int> DescribeVpc1000Interfaces() => Host.Raw.PostAsync(_listingBody);

    /// <summary>DescribeNetworkAcls filtered by vpc-id: 50 custom ACLs of 10 entries (and their <c>*</c> entries) plus the default ACL.</summary>
    [Benchmark, BenchmarkCategory("listing")]
    public Task<int> DescribeVpc50Acls() => Host.Raw.PostAsync(_listingBody);

    /// <summary>Builds the timed request and checks, once, that its answer lists every item of the fixture.</summary>
    private async Task VerifyListingAsync(string benchmark, string action, string vpcId, string itemElement, int expected)
    {
        var parameters = new[] { ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", vpcId) };
        _listingBody = Ec2Form.Body(action, parameters);
        var answer = await Host.Raw.CallAsync(action, parameters);
        var listed = Ec2Form.Count(answer, itemElement);
        if (listed != expected) throw new InvalidOperationException($"{action} lists {listed} items, not {expected}.");
        Measurements.ListingBytes[(benchmark, Store)] = System.Text.Encoding.UTF8.GetByteCount(answer);
    }
}

using Amazon.EC2.Model;
using BenchmarkDotNet.Attributes;
using ControlPlane.Benchmarks.Infrastructure;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Security group requests against the real host on loopback, on each store. The raw benchmarks post the EC2 Query
/// form with a plain HttpClient, so the figure is the emulator plus one loopback round trip; the Sdk ones make the
/// same call through the AWS SDK for .NET (signing, XML unmarshalling) for comparison.
/// </summary>
public class SecurityGroupBenchmarks : HostBenchmark
{
    /// <summary>Groups the Authorize benchmarks rotate over, so no group grows far past AWS's default 60-rule quota.</summary>
    public const int AuthorizeGroups = 250;

    /// <summary>Groups (5 rules each) in the scope of the DescribeSecurityGroups-by-id benchmarks; one is asked for at a time.</summary>
    public const int DescribeGroups = 100;

    private List<string> _groups = [];
    private byte[][] _describeBodies = [];
    private byte[] _listingBody = [];
    private string _vpcId = "";
    private int _next;

    [GlobalSetup(Target = nameof(AuthorizeIngress))]
    public Task SetupAuthorizeIngress() => SetupAuthorizeAsync(nameof(AuthorizeIngress), AuthorizeIngress);

    [GlobalSetup(Target = nameof(AuthorizeIngressSdk))]
    public Task SetupAuthorizeIngressSdk() => SetupAuthorizeAsync(nameof(AuthorizeIngressSdk), AuthorizeIngressSdk);

    [GlobalSetup(Target = nameof(DescribeById))]
    public Task SetupDescribeById() => SetupDescribeByIdAsync(nameof(DescribeById), DescribeById);

    [GlobalSetup(Target = nameof(DescribeByIdSdk))]
    public Task SetupDescribeByIdSdk() => SetupDescribeByIdAsync(nameof(DescribeByIdSdk), DescribeByIdSdk);

    [GlobalSetup(Target = nameof(DescribeVpc1000Groups))]
    public Task SetupDescribeVpc1000Groups() => SetupListingAsync(nameof(DescribeVpc1000Groups), DescribeVpc1000Groups);

    [GlobalSetup(Target = nameof(DescribeVpc1000GroupsSdk))]
    public Task SetupDescribeVpc1000GroupsSdk() => SetupListingAsync(nameof(DescribeVpc1000GroupsSdk), DescribeVpc1000GroupsSdk);

    private Task SetupAuthorizeAsync(string benchmark, Func<Task<int>> operation) => SetupAsync(benchmark, "AuthorizeSecurityGroupIngress", operation, async () =>
    {
        _groups = await Fixtures.CreateGroupsAsync(Host.Raw, AuthorizeGroups, "authorize");
    });

    private Task SetupDescribeByIdAsync(string benchmark, Func<Task<int>> operation) => SetupAsync(benchmark, "DescribeSecurityGroups", operation, async () =>
    {
        _groups = await Fixtures.CreateGroupsAsync(Host.Raw, DescribeGroups, "describe", rulesEach: Fixtures.RulesPerListedGroup);
        _describeBodies = _groups.Select(id => Ec2Form.Body("DescribeSecurityGroups", ("GroupId.1", id))).ToArray();
    });

    private Task SetupListingAsync(string benchmark, Func<Task<int>> operation) => SetupAsync(benchmark, "DescribeSecurityGroups", operation, async () =>
    {
        _vpcId = await Fixtures.CreateVpcAsync(Host.Raw, "10.0.0.0/16");
        await Fixtures.CreateGroupsAsync(Host.Raw, Fixtures.ListingGroups, "listed", _vpcId, Fixtures.RulesPerListedGroup);
        var parameters = new[] { ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", _vpcId) };
        _listingBody = Ec2Form.Body("DescribeSecurityGroups", parameters);
        var answer = await Host.Raw.CallAsync("DescribeSecurityGroups", parameters);
        // The VPC's own default group is listed too.
        var listed = Ec2Form.CountGroups(answer);
        if (listed != Fixtures.ListingGroups + 1) throw new InvalidOperationException($"The VPC lists {listed} groups, not {Fixtures.ListingGroups} + its default group.");
        Measurements.ListingBytes[(benchmark, Store)] = System.Text.Encoding.UTF8.GetByteCount(answer);
    });

    /// <summary>One new rule (TCP 443 from a new /32) on the next group of the pool.</summary>
    [Benchmark, BenchmarkCategory("authorize")]
    public Task<int> AuthorizeIngress()
    {
        var n = _next++;
        return Host.Raw.PostAsync(Ec2Form.Body("AuthorizeSecurityGroupIngress",
            ("GroupId", _groups[n % _groups.Count]), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"),
            ("IpPermissions.1.ToPort", "443"), ("IpPermissions.1.IpRanges.1.CidrIp", Fixtures.Host32(n))));
    }

    [Benchmark, BenchmarkCategory("authorize", "sdk")]
    public async Task<int> AuthorizeIngressSdk()
    {
        var n = _next++;
        var response = await Host.Sdk.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = _groups[n % _groups.Count],
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = Fixtures.Host32(n) }] }],
        });
        return response.SecurityGroupRules?.Count ?? 0;
    }

    /// <summary>DescribeSecurityGroups with GroupId.1 (a group with 5 inbound rules and the default outbound rule).</summary>
    [Benchmark, BenchmarkCategory("describe")]
    public Task<int> DescribeById() => Host.Raw.PostAsync(_describeBodies[_next++ % _describeBodies.Length]);

    [Benchmark, BenchmarkCategory("describe", "sdk")]
    public async Task<int> DescribeByIdSdk()
    {
        var response = await Host.Sdk.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [_groups[_next++ % _groups.Count]] });
        return response.SecurityGroups?.Count ?? 0;
    }

    /// <summary>DescribeSecurityGroups filtered by vpc-id: the VPC holds 1,000 groups of 5 inbound rules each (and its default group).</summary>
    [Benchmark, BenchmarkCategory("listing")]
    public Task<int> DescribeVpc1000Groups() => Host.Raw.PostAsync(_listingBody);

    [Benchmark, BenchmarkCategory("listing", "sdk")]
    public async Task<int> DescribeVpc1000GroupsSdk()
    {
        var response = await Host.Sdk.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [_vpcId])] });
        return response.SecurityGroups?.Count ?? 0;
    }
}

using Amazon.EC2.Model;
using BenchmarkDotNet.Attributes;
using ControlPlane.Benchmarks.Infrastructure;

namespace ControlPlane.Benchmarks;

/// <summary>
/// Security group requests against the real host on loopback, on each store. The raw benchmarks post the EC2 Query
/// form with a plain HttpClient, so the figure is the emulator plus one loopback round trip; the Sdk ones make the
/// same call through the AWS SDK for .NET (signing, XML unmarshalling) for comparison. Every benchmark gets its own
/// host and a new database, with its fixture created through the API before timing starts; the emulator's own
/// per-request time is recorded alongside (<see cref="Measurements.ServerTimes"/>).
/// </summary>
public class SecurityGroupBenchmarks
{
    /// <summary>Groups the Authorize benchmarks rotate over, so no group grows far past AWS's default 60-rule quota.</summary>
    public const int AuthorizeGroups = 250;

    /// <summary>Groups (5 rules each) in the scope of the DescribeSecurityGroups-by-id benchmarks; one is asked for at a time.</summary>
    public const int DescribeGroups = 100;

    private static readonly TimeSpan MinWarmUp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan WarmUpWindow = TimeSpan.FromMilliseconds(500);

    /// <summary>The stores to run on (<c>--stores</c>); the same process reads it, benchmarks run in-process.</summary>
    public static IReadOnlyList<string> Stores { get; set; } = ["sqlite", "postgres"];

    public static IEnumerable<string> StoreValues() => Stores;

    [ParamsSource(nameof(StoreValues))]
    public string Store { get; set; } = "sqlite";

    private BenchmarkHost _host = null!;
    private string _benchmark = "";
    private string _action = "";
    private List<string> _groups = [];
    private byte[][] _describeBodies = [];
    private byte[] _listingBody = [];
    private string _vpcId = "";
    private int _next;
    private CpuMonitor? _cpu;

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
        _groups = await Fixtures.CreateGroupsAsync(_host.Raw, AuthorizeGroups, "authorize");
    });

    private Task SetupDescribeByIdAsync(string benchmark, Func<Task<int>> operation) => SetupAsync(benchmark, "DescribeSecurityGroups", operation, async () =>
    {
        _groups = await Fixtures.CreateGroupsAsync(_host.Raw, DescribeGroups, "describe", rulesEach: Fixtures.RulesPerListedGroup);
        _describeBodies = _groups.Select(id => Ec2Form.Body("DescribeSecurityGroups", ("GroupId.1", id))).ToArray();
    });

    private Task SetupListingAsync(string benchmark, Func<Task<int>> operation) => SetupAsync(benchmark, "DescribeSecurityGroups", operation, async () =>
    {
        _vpcId = await Fixtures.CreateVpcAsync(_host.Raw, "10.0.0.0/16");
        await Fixtures.CreateGroupsAsync(_host.Raw, Fixtures.ListingGroups, "listed", _vpcId, Fixtures.RulesPerListedGroup);
        var parameters = new[] { ("Filter.1.Name", "vpc-id"), ("Filter.1.Value.1", _vpcId) };
        _listingBody = Ec2Form.Body("DescribeSecurityGroups", parameters);
        var answer = await _host.Raw.CallAsync("DescribeSecurityGroups", parameters);
        // The VPC's own default group is listed too.
        var listed = Ec2Form.CountGroups(answer);
        if (listed != Fixtures.ListingGroups + 1) throw new InvalidOperationException($"The VPC lists {listed} groups, not {Fixtures.ListingGroups} + its default group.");
        Measurements.ListingBytes[Store] = System.Text.Encoding.UTF8.GetByteCount(answer);
    });

    /// <summary>A new host, its fixture, a warm-up, then recording; a failure stops the host (cleanup may not run).</summary>
    private async Task SetupAsync(string benchmark, string action, Func<Task<int>> operation, Func<Task> fixture)
    {
        _host = await BenchmarkHost.StartAsync(Store);
        try
        {
            await fixture();
            await WarmUpAsync(operation);
        }
        catch
        {
            await _host.DisposeAsync();
            throw;
        }
        Record(benchmark, action);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        if (Distribution.Of(ServerTimes.Instance.Stop(_action)) is { } times) Measurements.ServerTimes[(_benchmark, Store)] = times;
        if (_cpu?.OthersShare() is { } share) Measurements.OthersShare[$"{_benchmark}/{Store}"] = share;
        await _host.DisposeAsync();
    }

    /// <summary>One new rule (TCP 443 from a new /32) on the next group of the pool.</summary>
    [Benchmark, BenchmarkCategory("authorize")]
    public Task<int> AuthorizeIngress()
    {
        var n = _next++;
        return _host.Raw.PostAsync(Ec2Form.Body("AuthorizeSecurityGroupIngress",
            ("GroupId", _groups[n % _groups.Count]), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "443"),
            ("IpPermissions.1.ToPort", "443"), ("IpPermissions.1.IpRanges.1.CidrIp", Fixtures.Host32(n))));
    }

    [Benchmark, BenchmarkCategory("authorize", "sdk")]
    public async Task<int> AuthorizeIngressSdk()
    {
        var n = _next++;
        var response = await _host.Sdk.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = _groups[n % _groups.Count],
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = Fixtures.Host32(n) }] }],
        });
        return response.SecurityGroupRules?.Count ?? 0;
    }

    /// <summary>DescribeSecurityGroups with GroupId.1 (a group with 5 inbound rules and the default outbound rule).</summary>
    [Benchmark, BenchmarkCategory("describe")]
    public Task<int> DescribeById() => _host.Raw.PostAsync(_describeBodies[_next++ % _describeBodies.Length]);

    [Benchmark, BenchmarkCategory("describe", "sdk")]
    public async Task<int> DescribeByIdSdk()
    {
        var response = await _host.Sdk.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [_groups[_next++ % _groups.Count]] });
        return response.SecurityGroups?.Count ?? 0;
    }

    /// <summary>DescribeSecurityGroups filtered by vpc-id: the VPC holds 1,000 groups of 5 inbound rules each (and its default group).</summary>
    [Benchmark, BenchmarkCategory("listing")]
    public Task<int> DescribeVpc1000Groups() => _host.Raw.PostAsync(_listingBody);

    [Benchmark, BenchmarkCategory("listing", "sdk")]
    public async Task<int> DescribeVpc1000GroupsSdk()
    {
        var response = await _host.Sdk.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [_vpcId])] });
        return response.SecurityGroups?.Count ?? 0;
    }

    /// <summary>
    /// Runs the operation until its time per call settles (two half-second windows within 3 % of each other, at least
    /// 2 s), before BenchmarkDotNet's own count-based warm-up, so the host's and the client's code paths are compiled
    /// and optimised (see <see cref="Tiering"/>) and the connections and caches are warm: the emulator's steady state.
    /// </summary>
    private static async Task WarmUpAsync(Func<Task<int>> operation)
    {
        var total = System.Diagnostics.Stopwatch.StartNew();
        double? previous = null;
        while (total.Elapsed < MaxWarmUp)
        {
            var calls = 0;
            var window = System.Diagnostics.Stopwatch.StartNew();
            while (window.Elapsed < WarmUpWindow)
            {
                await operation();
                calls++;
            }
            var perCall = window.Elapsed.TotalMilliseconds / calls;
            if (total.Elapsed >= MinWarmUp && previous is { } last && Math.Abs(perCall - last) <= 0.03 * last) return;
            previous = perCall;
        }
    }

    /// <summary>From here on the emulator's time for <paramref name="action"/> is recorded for <paramref name="benchmark"/>.</summary>
    private void Record(string benchmark, string action)
    {
        (_benchmark, _action) = (benchmark, action);
        ServerTimes.Instance.Start();
        _cpu = CpuMonitor.Start();
    }
}

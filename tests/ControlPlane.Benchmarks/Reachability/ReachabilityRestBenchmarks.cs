using System.Text;
using BenchmarkDotNet.Attributes;
using ControlPlane.Benchmarks.Infrastructure;

namespace ControlPlane.Benchmarks.Reachability;

/// <summary>
/// One reachability question through the REST API on the real host (POST /api/v1/reachability/analyze over loopback):
/// an app instance to a database instance on TCP 5432 through a group reference, with the scope's compiled network
/// already cached, as in a test suite asking many questions of one network.
/// </summary>
public class ReachabilityRestBenchmarks : HostBenchmark
{
    private const string Action = "AnalyzeReachability";
    private const string Path = "api/v1/reachability/analyze";

    private byte[] _body = [];

    [GlobalSetup(Target = nameof(AnalyzeOverRest))]
    public Task Setup() => SetupAsync(nameof(AnalyzeOverRest), Action, AnalyzeOverRest, async () =>
    {
        var ec2 = Host.Raw;
        var vpc = await Fixtures.CreateVpcAsync(ec2, "10.40.0.0/16");
        var app = await Fixtures.CreateGroupAsync(ec2, "app", vpc);
        var db = await Fixtures.CreateGroupAsync(ec2, "db", vpc);
        await ec2.CallAsync("AuthorizeSecurityGroupIngress", ("GroupId", db), ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "5432"),
            ("IpPermissions.1.ToPort", "5432"), ("IpPermissions.1.Groups.1.GroupId", app));
        var source = await InstanceAsync(ec2, vpc, "10.40.1.0/24", app);
        var destination = await InstanceAsync(ec2, vpc, "10.40.2.0/24", db);
        _body = Encoding.UTF8.GetBytes($$"""{"source":"{{source}}","destination":"{{destination}}","protocol":"tcp","port":5432}""");
        var answer = await Host.Raw.PostJsonAsync(Path, _body);
        if (!answer.Contains("\"networkPathFound\":true", StringComparison.Ordinal)) throw new InvalidOperationException($"The benchmark path is not found: {answer}");
    });

    private static async Task<string> InstanceAsync(Ec2Form ec2, string vpc, string cidr, string group)
    {
        var subnet = Ec2Form.Element(await ec2.CallAsync("CreateSubnet", ("VpcId", vpc), ("CidrBlock", cidr)), "subnetId");
        return Ec2Form.Element(await ec2.CallAsync("RunInstances", ("ImageId", "ami-0123456789abcdef0"), ("InstanceType", "t3.micro"), ("MinCount", "1"),
            ("MaxCount", "1"), ("SubnetId", subnet), ("SecurityGroupId.1", group)), "instanceId");
    }

    [Benchmark]
    public async Task<int> AnalyzeOverRest() => (await Host.Raw.PostJsonAsync(Path, _body)).Length;
}

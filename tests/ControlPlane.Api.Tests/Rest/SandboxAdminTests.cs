using System.Net;
using System.Text.Json.Nodes;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>
/// The admin token, and the sandbox operations on the whole emulator (reset everything, export and import every scope),
/// on a host of their own per store.
/// </summary>
public abstract class SandboxAdminTests(Emulator emulator)
{
    public sealed class OnSqlite(GuardedSqliteEmulator e) : SandboxAdminTests(e), IClassFixture<GuardedSqliteEmulator>;
    public sealed class OnPostgres(GuardedPostgresEmulator e) : SandboxAdminTests(e), IClassFixture<GuardedPostgresEmulator>;

    private static readonly Dictionary<string, string> Admin = new() { ["X-ControlPlane-Admin-Token"] = GuardedSqliteEmulator.Token };
    private readonly RestClient _sandbox = emulator.RestWithoutScope();

    private Task<RestResponse> AsAdminAsync(HttpMethod method, string path, object? body = null) => _sandbox.SendAsync(method, path, body, Admin);

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "POST", "/_controlplane/reset" },
        { "POST", "/_controlplane/reset?account=000000000000&region=us-east-1" },
        { "GET", "/_controlplane/state" },
        { "POST", "/_controlplane/state" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_the_admin_token_the_sandbox_is_forbidden_even_with_aws_credentials(string method, string path)
    {
        var account = emulator.NewAccount();
        var vpc = (await emulator.Ec2(account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var http = new HttpMethod(method);
        var body = method == "POST" && path.EndsWith("state", StringComparison.Ordinal) ? "{\"format\":\"controlplane-state\",\"formatVersion\":1,\"scopes\":[]}" : null;

        (await _sandbox.SendAsync(http, path, body)).Problem(HttpStatusCode.Forbidden, "UnauthorizedOperation");
        (await _sandbox.SendAsync(http, path, body, new Dictionary<string, string> { ["X-ControlPlane-Admin-Token"] = "guess" }))
            .Problem(HttpStatusCode.Forbidden, "UnauthorizedOperation");
        // What an AWS client sends (a SigV4 Authorization header) is no admin token.
        (await _sandbox.SendAsync(http, path, body, new Dictionary<string, string>
        {
            ["Authorization"] = $"AWS4-HMAC-SHA256 Credential={account}/20261124/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0",
        })).Problem(HttpStatusCode.Forbidden, "UnauthorizedOperation");

        Assert.Contains((await emulator.Ec2(account).DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs, v => v.VpcId == vpc);
        // The REST API itself needs no token.
        (await emulator.Rest(account).GetAsync($"/api/v1/vpcs/{vpc}")).Ok();
    }

    [Fact]
    public async Task With_the_token_everything_is_exported_reset_and_imported_back()
    {
        var (first, second) = (emulator.NewAccount(), emulator.NewAccount());
        await SandboxNetwork.BuildAsync(emulator.Ec2(first));
        var (ec2A, ec2B) = (emulator.Ec2(second), emulator.Ec2(second, "eu-west-1"));
        var a = (await ec2A.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var b = (await ec2B.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" })).Vpc.VpcId;
        var pcx = (await ec2A.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = b, PeerRegion = "eu-west-1" }))
            .VpcPeeringConnection.VpcPeeringConnectionId;
        await ec2B.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx });
        var before = (await SandboxNetwork.DescribeAsync(emulator.Ec2(first)), await SandboxNetwork.DescribeAsync(ec2A), await SandboxNetwork.DescribeAsync(ec2B),
            await PeeringAsync(ec2B));

        var document = (JsonObject)(await AsAdminAsync(HttpMethod.Get, "/_controlplane/state")).Ok();
        var scopes = document.Arr("scopes").Select(s => $"{s.Str("accountId")}/{s.Str("region")}").ToList();
        Assert.Contains($"{first}/us-east-1", scopes);
        Assert.Contains($"{second}/us-east-1", scopes);
        Assert.Contains($"{second}/eu-west-1", scopes);

        (await AsAdminAsync(HttpMethod.Post, "/_controlplane/reset")).NoContent();
        Assert.Empty((await AsAdminAsync(HttpMethod.Get, "/_controlplane/state")).Ok().Arr("scopes"));

        var report = (await AsAdminAsync(HttpMethod.Post, "/_controlplane/state", document.ToJsonString())).Ok(HttpStatusCode.Created);
        Assert.Equal(scopes.Count, report.Arr("scopes").Count);
        Assert.Equal(1, report["sharedRows"]!.GetValue<int>());
        var after = (await SandboxNetwork.DescribeAsync(emulator.Ec2(first)), await SandboxNetwork.DescribeAsync(ec2A), await SandboxNetwork.DescribeAsync(ec2B),
            await PeeringAsync(ec2B));
        Assert.Equal(before, after);

        // A second import of the same document finds every scope taken.
        (await AsAdminAsync(HttpMethod.Post, "/_controlplane/state", document.ToJsonString())).Problem(HttpStatusCode.Conflict, "Scope.AlreadyExists");
    }

    [Fact]
    public async Task Resetting_everything_starts_every_account_again_from_its_default_vpc()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" });

        (await AsAdminAsync(HttpMethod.Post, "/_controlplane/reset")).NoContent();

        var vpc = Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        Assert.True(vpc.IsDefault);
        var exported = (await AsAdminAsync(HttpMethod.Get, "/_controlplane/state")).Ok();
        Assert.Equal(account, Assert.Single(exported.Arr("scopes")).Str("accountId"));
    }

    private static async Task<string> PeeringAsync(Amazon.EC2.AmazonEC2Client ec2) =>
        System.Text.Json.JsonSerializer.Serialize((await ec2.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections);
}

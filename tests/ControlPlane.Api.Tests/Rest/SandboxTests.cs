using System.Net;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>
/// The sandbox surface for one scope at a time (the shared host serves other tests' accounts): reset, export, and
/// import that refuses malformed or inconsistent documents whole, on both stores.
/// </summary>
public abstract class SandboxTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : SandboxTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : SandboxTests(e);

    private readonly RestClient _sandbox = emulator.RestWithoutScope();

    private static string Scope(string account, string region = "us-east-1") => $"?account={account}&region={region}";

    private async Task<JsonObject> ExportAsync(string account) =>
        (JsonObject)(await _sandbox.GetAsync("/_controlplane/state" + Scope(account))).Ok();

    private async Task ResetAsync(string account) => (await _sandbox.PostAsync("/_controlplane/reset" + Scope(account))).NoContent();

    private async Task AssertEmptyAsync(string account) => Assert.Empty((await ExportAsync(account)).Arr("scopes"));

    [Fact]
    public async Task Export_reset_import_leaves_every_describe_answer_as_it_was()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        await SandboxNetwork.BuildAsync(ec2);
        var before = await SandboxNetwork.DescribeAsync(ec2);

        var document = await ExportAsync(account);
        Assert.Equal("controlplane-state", document.Str("format"));
        Assert.Equal(1, document["formatVersion"]!.GetValue<int>());
        await ResetAsync(account);
        await AssertEmptyAsync(account);

        var report = (await _sandbox.PostAsync("/_controlplane/state", document.ToJsonString())).Ok(HttpStatusCode.Created);
        Assert.Equal(account, Assert.Single(report.Arr("scopes")).Str("accountId"));
        Assert.Equal(before, await SandboxNetwork.DescribeAsync(ec2));
        // And the imported state works: changes go on from it.
        var vpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", ["sandbox"])] })).Vpcs[0].VpcId;
        await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.3.0/24" });
        await AwsAssert.ErrorCode("InvalidSubnet.Conflict", () => ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/25" }));
    }

    [Fact]
    public async Task An_analysis_after_a_reset_sees_the_network_the_scope_has_now()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        // A first life with many changes, analysed: the scope's compiled network is cached at the version it reached.
        var (group, a, b) = await TwoInstancesAsync(ec2);
        for (var port = 1000; port < 1030; port++)
        {
            await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = group, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = port, ToPort = port, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
            });
        }
        Assert.True(await ReachesAsync(ec2, a, b));

        await ResetAsync(account);

        // A second life with fewer changes: its versions must not meet the first life's cached network.
        var (_, c, d) = await TwoInstancesAsync(ec2);
        Assert.True(await ReachesAsync(ec2, c, d));
    }

    /// <summary>A VPC with a group that allows 443 from itself, and two instances in it.</summary>
    private static async Task<(string Group, string A, string B)> TwoInstancesAsync(Amazon.EC2.AmazonEC2Client ec2)
    {
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc })).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new UserIdGroupPair { GroupId = group }] }],
        });
        var instances = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0", InstanceType = InstanceType.T3Micro, MinCount = 2, MaxCount = 2, SubnetId = subnet, SecurityGroupIds = [group],
        })).Reservation.Instances;
        return (group, instances[0].InstanceId, instances[1].InstanceId);
    }

    private static async Task<bool> ReachesAsync(Amazon.EC2.AmazonEC2Client ec2, string source, string destination)
    {
        var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = source, Destination = destination, Protocol = "tcp", DestinationPort = 443,
        })).NetworkInsightsPath.NetworkInsightsPathId;
        var started = (await ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path })).NetworkInsightsAnalysis;
        var read = (await ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest
        {
            NetworkInsightsAnalysisIds = [started.NetworkInsightsAnalysisId],
        })).NetworkInsightsAnalyses[0];
        return read.NetworkPathFound == true;
    }

    [Fact]
    public async Task Resetting_a_scope_leaves_other_scopes_and_starts_it_again_from_a_default_vpc()
    {
        var (account, other) = (emulator.NewAccount(), emulator.NewAccount());
        var ec2 = emulator.Ec2(account);
        var mine = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var defaultVpc = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs[0].VpcId;
        var theirs = (await emulator.Ec2(other).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var elsewhere = (await emulator.Ec2(account, "eu-west-1").CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

        await ResetAsync(account);

        var vpcs = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs;
        var fresh = Assert.Single(vpcs);
        Assert.True(fresh.IsDefault);
        Assert.NotEqual(defaultVpc, fresh.VpcId);
        Assert.DoesNotContain(vpcs, v => v.VpcId == mine);
        Assert.Contains((await emulator.Ec2(other).DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs, v => v.VpcId == theirs);
        Assert.Contains((await emulator.Ec2(account, "eu-west-1").DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs, v => v.VpcId == elsewhere);
    }

    [Fact]
    public async Task An_export_names_one_scope_and_holds_its_rows_by_table()
    {
        var account = emulator.NewAccount();
        await emulator.Ec2(account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.5.0.0/16" });
        var scope = Assert.Single((await ExportAsync(account)).Arr("scopes"));
        Assert.Equal(account, scope.Str("accountId"));
        Assert.Equal("us-east-1", scope.Str("region"));
        var vpcs = scope!["resources"].Arr("vpcs");
        Assert.Contains(vpcs, v => v.Str("cidrBlock") == "10.5.0.0/16");
        Assert.All(vpcs, v => Assert.False(v!.AsObject().ContainsKey("accountId")));

        (await _sandbox.GetAsync($"/_controlplane/state?account={account}")).Problem(HttpStatusCode.BadRequest, "InvalidParameterCombination");
        (await _sandbox.GetAsync("/_controlplane/state?account=12&region=us-east-1")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await _sandbox.PostAsync("/_controlplane/reset?region=us-east-1")).Problem(HttpStatusCode.BadRequest, "InvalidParameterCombination");
    }

    [Fact]
    public async Task Importing_into_a_scope_that_holds_state_is_a_conflict_and_changes_nothing()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.5.0.0/16" });
        var document = await ExportAsync(account);
        var before = await SandboxNetwork.DescribeAsync(ec2);

        (await _sandbox.PostAsync("/_controlplane/state", document.ToJsonString())).Problem(HttpStatusCode.Conflict, "Scope.AlreadyExists");
        Assert.Equal(before, await SandboxNetwork.DescribeAsync(ec2));
    }

    [Fact]
    public async Task A_document_whose_rows_exist_elsewhere_is_a_conflict_and_imports_nothing()
    {
        var (account, copy) = (emulator.NewAccount(), emulator.NewAccount());
        await emulator.Ec2(account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.5.0.0/16" });
        var document = await ExportAsync(account);
        document.Arr("scopes")[0]!["accountId"] = copy;

        (await _sandbox.PostAsync("/_controlplane/state", document.ToJsonString())).Problem(HttpStatusCode.Conflict, "InvalidStateDocument.Conflict");
        await AssertEmptyAsync(copy);
    }

    public static TheoryData<string> Mutations() =>
    [
        "not-json", "not-an-object", "format", "version", "unknown-member", "account", "scope-twice", "unknown-table", "shared-table-in-scope",
        "unknown-column", "wrong-type", "null-column", "missing-required", "dangling-reference", "duplicate-key", "parent-in-another-scope",
    ];

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task A_malformed_or_inconsistent_document_is_refused_whole(string mutation)
    {
        var (account, second) = (emulator.NewAccount(), emulator.NewAccount());
        var ec2 = emulator.Ec2(account);
        // Every scope starts with a default VPC, its subnets, and a main route table with a route to its gateway.
        await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.5.0.0/16" });
        await emulator.Ec2(second).DescribeVpcsAsync(new DescribeVpcsRequest());
        var document = (JsonObject)JsonNode.Parse((await _sandbox.GetAsync("/_controlplane/state" + Scope(account))).Text)!;
        var secondScope = (JsonObject)(await ExportAsync(second)).Arr("scopes")[0]!.DeepClone();
        await ResetAsync(account);
        await ResetAsync(second);
        // A second, valid scope in the same document: a refused document imports neither.
        document.Arr("scopes").Add(secondScope);
        var resources = (JsonObject)document.Arr("scopes")[0]!["resources"]!;

        var body = mutation switch
        {
            "not-json" => "{\"format\": ",
            "not-an-object" => "[]",
            _ => null,
        };
        switch (mutation)
        {
            case "format": document["format"] = "terraform-state"; break;
            case "version": document["formatVersion"] = 2; break;
            case "unknown-member": document["comment"] = "hi"; break;
            case "account": document.Arr("scopes")[0]!["accountId"] = "12"; break;
            case "scope-twice": document.Arr("scopes").Add(secondScope.DeepClone()); break;
            case "unknown-table": resources["load_balancers"] = new JsonArray(); break;
            case "shared-table-in-scope": resources["vpc_peering_connections"] = new JsonArray(); break;
            case "unknown-column": resources.Arr("vpcs")[0]!["colour"] = "blue"; break;
            case "wrong-type": resources.Arr("vpcs")[0]!["enableDnsSupport"] = "yes"; break;
            case "null-column": resources.Arr("vpcs")[0]!["cidrBlock"] = null; break;
            case "missing-required": resources.Arr("subnets")[0]!.AsObject().Remove("vpcId"); break;
            case "dangling-reference": resources.Arr("subnets")[0]!["vpcId"] = "vpc-00000000000000000"; break;
            case "duplicate-key": resources.Arr("vpcs").Add(resources.Arr("vpcs")[0]!.DeepClone()); break;
            case "parent-in-another-scope":
                var route = resources.Arr("routes")[0]!.DeepClone();
                ((JsonObject)secondScope["resources"]!)["routes"] = new JsonArray(route);
                document.Arr("scopes")[1] = secondScope.DeepClone();
                resources.Remove("routes");
                break;
        }

        (await _sandbox.PostAsync("/_controlplane/state", body ?? document.ToJsonString())).Problem(HttpStatusCode.BadRequest, "InvalidStateDocument");
        await AssertEmptyAsync(account);
        await AssertEmptyAsync(second);
    }

    [Fact]
    public async Task A_peering_connection_travels_with_either_side_and_leaves_with_a_reset()
    {
        var (requester, accepter) = (emulator.NewAccount(), emulator.NewAccount());
        var (ec2A, ec2B) = (emulator.Ec2(requester), emulator.Ec2(accepter));
        var a = (await ec2A.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var b = (await ec2B.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" })).Vpc.VpcId;
        var pcx = (await ec2A.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = b, PeerOwnerId = accepter }))
            .VpcPeeringConnection.VpcPeeringConnectionId;
        await ec2B.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx });

        var document = await ExportAsync(requester);
        Assert.Equal(pcx, Assert.Single(document["shared"].Arr("vpc_peering_connections")).Str("id"));
        await ResetAsync(requester);
        Assert.Empty((await ec2B.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections ?? []);

        (await _sandbox.PostAsync("/_controlplane/state", document.ToJsonString())).Ok(HttpStatusCode.Created);
        var seen = Assert.Single((await ec2B.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections);
        Assert.Equal("active", seen.Status.Code.Value);
    }

    [Fact]
    public async Task A_scope_whose_groups_another_scope_references_is_not_reset()
    {
        var (requester, accepter) = (emulator.NewAccount(), emulator.NewAccount());
        var (ec2A, ec2B) = (emulator.Ec2(requester), emulator.Ec2(accepter));
        var a = (await ec2A.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var b = (await ec2B.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16" })).Vpc.VpcId;
        var pcx = (await ec2A.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = b, PeerOwnerId = accepter }))
            .VpcPeeringConnection.VpcPeeringConnectionId;
        await ec2B.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = pcx });
        var web = (await ec2A.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = a })).GroupId;
        var lb = (await ec2B.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "lb", Description = "lb", VpcId = b })).GroupId;
        await ec2B.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = lb, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, UserIdGroupPairs = [new UserIdGroupPair { GroupId = web, UserId = requester }] }],
        });

        (await _sandbox.PostAsync("/_controlplane/reset" + Scope(requester))).Problem(HttpStatusCode.Conflict, "DependencyViolation");
        Assert.Contains((await ec2A.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs, v => v.VpcId == a);
        Assert.Single((await ec2A.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections);
        await ResetAsync(accepter);
        await ResetAsync(requester);
    }
}

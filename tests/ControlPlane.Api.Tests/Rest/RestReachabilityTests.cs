using System.Net;
using System.Text.Json.Nodes;
using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>
/// <c>/api/v1/reachability</c> over HTTP on networks built through the AWS SDK, on both stores: the verdicts and AWS
/// explanation codes, who can reach a target, the matrix, the internet-exposure report, bad input, and isolation.
/// </summary>
public abstract class RestReachabilityTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RestReachabilityTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RestReachabilityTests(e);

    private const string Ami = "ami-0123456789abcdef0";
    private readonly string _account = emulator.NewAccount();
    private AmazonEC2Client Ec2 => emulator.Ec2(_account);
    private RestClient Rest => emulator.Rest(_account);

    /// <summary>An app instance and a database instance in two subnets of one VPC; the database admits the app's group on 5432.</summary>
    private sealed record Network(string Vpc, string AppSubnet, string DbSubnet, string AppGroup, string DbGroup, Instance App, Instance Db);

    private async Task<Network> NewNetworkAsync()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.0.0/16" })).Vpc.VpcId;
        var appSubnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.20.1.0/24" })).Subnet.SubnetId;
        var dbSubnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.20.2.0/24" })).Subnet.SubnetId;
        var app = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = vpc })).GroupId;
        var db = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "db", Description = "db", VpcId = vpc })).GroupId;
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = db,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = app }] }],
        });
        return new Network(vpc, appSubnet, dbSubnet, app, db, await RunAsync(appSubnet, app), await RunAsync(dbSubnet, db));
    }

    private async Task<Instance> RunAsync(string subnet, string group, bool publicIp = false)
    {
        var request = new RunInstancesRequest { ImageId = Ami, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 };
        if (publicIp) request.NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet, Groups = [group], AssociatePublicIpAddress = true }];
        else (request.SubnetId, request.SecurityGroupIds) = (subnet, [group]);
        return Assert.Single((await Ec2.RunInstancesAsync(request)).Reservation.Instances);
    }

    private async Task<JsonNode> AnalyzeAsync(object query) =>
        (await Rest.PostAsync("/api/v1/reachability/analyze", query)).Ok()["analysis"]!;

    private static IEnumerable<string> Codes(JsonNode analysis) => analysis.Arr("explanations").Select(e => e.Str("code"));

    [Fact]
    public async Task A_group_reference_admits_the_app_on_5432_and_port_22_is_blocked_by_the_database_group()
    {
        var n = await NewNetworkAsync();

        var allowed = await AnalyzeAsync(new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 5432 });
        Assert.True(allowed["networkPathFound"]!.GetValue<bool>());
        Assert.Empty(allowed.Arr("explanations"));
        var forward = allowed.Arr("forwardPath");
        Assert.Equal(["network-interface", "security-group", "network-acl", "route-table", "network-acl", "security-group", "network-interface"],
            forward.Select(c => c!["component"].Str("type")));
        var dbRule = forward[5]!["securityGroupRule"]!;
        Assert.Equal((n.DbGroup, "ingress", n.AppGroup), (dbRule.Str("securityGroupId"), dbRule.Str("direction"), dbRule.Str("referencedGroupId")));
        Assert.Equal("local", forward[3]!["routeTableRoute"].Str("targetId"));
        Assert.Equal("profile:Linux", allowed.Str("sourcePortOrigin"));

        var blocked = await AnalyzeAsync(new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 22 });
        Assert.False(blocked["networkPathFound"]!.GetValue<bool>());
        var explanation = Assert.Single(blocked.Arr("explanations"));
        Assert.Equal(("ENI_SG_RULES_MISMATCH", "ingress"), (explanation.Str("code"), explanation.Str("direction")));
        Assert.Equal(n.DbGroup, Assert.Single(explanation.Arr("securityGroups")).Str("id"));
    }

    [Fact]
    public async Task Network_acls_are_named_by_the_rule_that_blocks_on_the_forward_and_the_return_path()
    {
        var n = await NewNetworkAsync();
        var acl = (await Ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = n.Vpc })).NetworkAcl.NetworkAclId;
        async Task EntryAsync(int rule, bool egress, string action, int from, int to) =>
            await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
            {
                NetworkAclId = acl, RuleNumber = rule, Egress = egress, Protocol = "6", RuleAction = action, CidrBlock = "10.20.0.0/16",
                PortRange = new PortRange { From = from, To = to },
            });
        await EntryAsync(90, false, "deny", 5432, 5432);
        await EntryAsync(100, false, "allow", 0, 65535);
        await EntryAsync(100, true, "allow", 32768, 40000);
        var association = (await Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("association.subnet-id", [n.DbSubnet])] }))
            .NetworkAcls[0].Associations.Single(a => a.SubnetId == n.DbSubnet).NetworkAclAssociationId;
        await Ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = acl });

        // The lower-numbered deny wins over the allow; the return path's ephemeral ports 40001-60999 fall to the * entry.
        var denied = await AnalyzeAsync(new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 5432 });
        var acls = denied.Arr("explanations").Where(e => e.Str("code") == "SUBNET_ACL_RESTRICTION").ToList();
        Assert.Equal([("forward", "ingress", 90), ("return", "egress", 32767)],
            acls.Select(e => (e.Str("path"), e.Str("direction"), e!["aclRule"]!["ruleNumber"]!.GetValue<int>())));
        Assert.Equal(40001, acls[1]!.Arr("portRanges")[0]!["from"]!.GetValue<int>());

        // Some ephemeral port passing is enough when the caller asks as the Reachability Analyzer does.
        await Ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = acl, RuleNumber = 90, Egress = false });
        var strict = await AnalyzeAsync(new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 5432 });
        Assert.Equal(["SUBNET_ACL_RESTRICTION"], Codes(strict));
        var lenient = await AnalyzeAsync(new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 5432, requireAllSourcePorts = false });
        Assert.True(lenient["networkPathFound"]!.GetValue<bool>());
        var fixedPort = await AnalyzeAsync(new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 5432, sourcePorts = "33000" });
        Assert.Equal(("query", true), (fixedPort.Str("sourcePortOrigin"), fixedPort["networkPathFound"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Who_can_reach_and_the_matrix_agree_with_the_single_answers()
    {
        var n = await NewNetworkAsync();
        var appEni = n.App.NetworkInterfaces[0].NetworkInterfaceId;
        var dbEni = n.Db.NetworkInterfaces[0].NetworkInterfaceId;

        var who = (await Rest.PostAsync("/api/v1/reachability/who-can-reach", new { target = n.Db.InstanceId, protocol = "tcp", port = 5432 })).Ok()["answer"]!;
        // The app's interface, and the target's own (an interface reaches itself).
        Assert.Equal(new[] { appEni, dbEni }.Order(StringComparer.Ordinal), who.Arr("interfaces").Select(i => i.Str("networkInterfaceId")).Order(StringComparer.Ordinal));
        var reaching = who.Arr("interfaces").Single(i => i.Str("networkInterfaceId") == appEni);
        Assert.Equal(n.AppGroup, reaching!["rules"]!["destinationSecurityGroupRule"].Str("referencedGroupId"));
        Assert.False(who["internet"]!["networkPathFound"]!.GetValue<bool>());

        var matrix = (await Rest.PostAsync("/api/v1/reachability/matrix", new { networkInterfaceIds = new[] { appEni, dbEni }, protocol = "tcp", port = 5432 })).Ok()["matrix"]!;
        var rows = matrix.Arr("rows");
        Assert.True(rows[0]!["reachable"]![1]!.GetValue<bool>());
        Assert.False(rows[1]!["reachable"]![0]!.GetValue<bool>());
        Assert.Equal("SG_HAS_NO_RULES", rows[1]!["blockingCodes"]![0]!.GetValue<string>());

        var byVpc = (await Rest.PostAsync("/api/v1/reachability/matrix", new { vpcId = n.Vpc, protocol = "tcp", port = 5432 })).Ok()["matrix"]!;
        Assert.Equal(new[] { appEni, dbEni }.Order(StringComparer.Ordinal), byVpc.Arr("interfaceIds").Select(i => i!.GetValue<string>()));
        // app → db and each interface to itself; not db → app.
        Assert.Equal(3, byVpc["reachablePairs"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_internet_exposure_report_names_the_open_port_and_the_rule_and_a_change_is_seen_at_once()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.30.0.0/16" })).Vpc.VpcId;
        var subnet = (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.30.1.0/24" })).Subnet.SubnetId;
        var igw = (await Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc });
        var main = (await Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("association.main", ["true"])] })).RouteTables[0].RouteTableId;
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = main, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw });
        var web = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc })).GroupId;
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var instance = await RunAsync(subnet, web, publicIp: true);
        var eni = instance.NetworkInterfaces[0].NetworkInterfaceId;

        var report = (await Rest.GetAsync($"/api/v1/reachability/internet-exposure?vpcId={vpc}")).Ok()["report"]!;
        var exposed = Assert.Single(report.Arr("interfaces"));
        Assert.Equal((eni, igw), (exposed.Str("networkInterfaceId"), exposed.Str("internetGatewayId")));
        var tcp = exposed.Arr("protocols").Single(p => p.Str("protocol") == "tcp");
        Assert.Equal((443, 443), (tcp.Arr("ports")[0]!["from"]!.GetValue<int>(), tcp.Arr("ports")[0]!["to"]!.GetValue<int>()));
        Assert.Equal("0.0.0.0/0", tcp.Arr("securityGroupRules")[0].Str("cidr"));

        var before = await AnalyzeAsync(new { source = "internet", destination = instance.InstanceId, protocol = "tcp", port = 22 });
        Assert.Equal(["ENI_SG_RULES_MISMATCH"], Codes(before));
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        Assert.True((await AnalyzeAsync(new { source = "internet", destination = instance.InstanceId, protocol = "tcp", port = 22 }))["networkPathFound"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_questions_answer_problems_and_another_account_sees_nothing_of_this_one()
    {
        var n = await NewNetworkAsync();
        (await Rest.PostAsync("/api/v1/reachability/analyze", new { destination = n.Db.InstanceId, protocol = "tcp" })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
        (await Rest.PostAsync("/api/v1/reachability/analyze", new { source = "internet", destination = n.Db.InstanceId, protocol = "tcpx" })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await Rest.PostAsync("/api/v1/reachability/analyze", new { source = "internet", destination = n.Db.InstanceId, protocol = "icmp", port = 80 })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await Rest.PostAsync("/api/v1/reachability/analyze", new { source = "internet", destination = n.Db.InstanceId, protocol = "tcp", sourcePorts = "9-1" })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await Rest.PostAsync("/api/v1/reachability/analyze", new { source = "internet", destination = n.Db.InstanceId, protocol = "tcp", colour = "red" })).Problem(HttpStatusCode.BadRequest, "UnknownParameter");
        (await Rest.PostAsync("/api/v1/reachability/matrix", new { protocol = "tcp" })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await Rest.PostAsync("/api/v1/reachability/matrix", new { networkInterfaceIds = new[] { "eni-0123456789abcdef0" }, protocol = "tcp" })).Problem(HttpStatusCode.NotFound, "InvalidNetworkInterfaceID.NotFound");
        (await Rest.PostAsync("/api/v1/reachability/who-can-reach", new { protocol = "tcp" })).Problem(HttpStatusCode.BadRequest, "MissingParameter");
        (await Rest.GetAsync("/api/v1/reachability/internet-exposure?vpcId=vpc-0123456789abcdef0")).Problem(HttpStatusCode.NotFound, "InvalidVpcID.NotFound");
        (await Rest.GetAsync("/api/v1/reachability/internet-exposure?clientProfile=solaris")).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");
        (await Rest.PostAsync("/api/v1/reachability/who-can-reach", new { target = n.Db.InstanceId, protocol = "tcp", clientProfile = "solaris" })).Problem(HttpStatusCode.BadRequest, "InvalidParameterValue");

        var stranger = (await emulator.Rest().PostAsync("/api/v1/reachability/analyze", new { source = n.App.InstanceId, destination = n.Db.InstanceId, protocol = "tcp", port = 5432 })).Ok()["analysis"]!;
        Assert.Equal(["NO_SOURCE_OR_DESTINATION"], Codes(stranger));
    }
}

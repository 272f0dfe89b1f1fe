using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Application.Reachability;
using Microsoft.Extensions.DependencyInjection;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// The Reachability Analyzer API (paths and analyses) through the AWS SDK on both stores: paths with their filters and
/// errors, and analyses of networks built through the API with the verdicts and explanation codes AWS gives.
/// </summary>
public abstract class NetworkInsightsTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : NetworkInsightsTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : NetworkInsightsTests(e);

    // Values the SDK's analyzers would refuse as constants; the service must refuse them too.
    private static readonly int TooMany = 101, NoPort = 70000;
    private static readonly string ShortAddress = "10.0.1";

    private readonly string _account = emulator.NewAccount();
    private AmazonEC2Client? _client;

    private AmazonEC2Client Ec2 => _client ??= emulator.Ec2(_account);

    // ---- Paths ----

    [Fact]
    public async Task A_path_between_two_interfaces_shows_ids_arns_lower_case_protocol_and_tags()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var (a, b) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet));
        var created = (await Ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = a, Destination = b, Protocol = "TCP", DestinationPort = 443,
            TagSpecifications = [new TagSpecification { ResourceType = "network-insights-path", Tags = [new Tag("Name", "web")] }],
        })).NetworkInsightsPath;

        Assert.StartsWith("nip-", created.NetworkInsightsPathId);
        Assert.EndsWith($":network-insights-path/{created.NetworkInsightsPathId}", created.NetworkInsightsPathArn);
        Assert.Equal((a, b, "tcp", 443), (created.Source, created.Destination, created.Protocol.Value, created.DestinationPort));
        Assert.EndsWith($":network-interface/{a}", created.SourceArn);
        Assert.EndsWith($":network-interface/{b}", created.DestinationArn);
        Assert.Equal("web", Assert.Single(created.Tags).Value);

        var read = Assert.Single((await Ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest
        {
            NetworkInsightsPathIds = [created.NetworkInsightsPathId],
        })).NetworkInsightsPaths);
        Assert.Equal((created.SourceArn, created.DestinationArn, 443), (read.SourceArn, read.DestinationArn, read.DestinationPort));
        Assert.Equal("web", Assert.Single(read.Tags).Value);
    }

    [Fact]
    public async Task Source_and_destination_may_be_given_by_arn_and_the_path_shows_their_ids()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var instance = await NewInstanceAsync(subnet);
        var eni = await NewInterfaceAsync(subnet);
        var path = await NewPathAsync(r =>
        {
            r.Source = $"arn:aws:ec2:us-east-1:{_account}:instance/{instance}";
            r.Destination = $"arn:aws:ec2:us-east-1:{_account}:network-interface/{eni}";
        });
        Assert.Equal((instance, eni), (path.Source, path.Destination));
        Assert.Equal($"arn:aws:ec2:us-east-1:{_account}:instance/{instance}", path.SourceArn);
    }

    [Fact]
    public async Task A_destination_may_be_only_an_address_through_the_source_filter()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var eni = await NewInterfaceAsync(subnet);
        var path = await NewPathAsync(r =>
        {
            r.Source = eni;
            r.Destination = null;
            r.FilterAtSource = new PathRequestFilter
            {
                DestinationAddress = "10.0.1.200", DestinationPortRange = new RequestFilterPortRange { FromPort = 5432, ToPort = 5432 },
                SourcePortRange = new RequestFilterPortRange { FromPort = 1024, ToPort = 65535 },
            };
        });
        Assert.Null(path.Destination);
        Assert.Equal("10.0.1.200", path.FilterAtSource.DestinationAddress);
        Assert.Equal((5432, 5432), (path.FilterAtSource.DestinationPortRange.FromPort, path.FilterAtSource.DestinationPortRange.ToPort));
        Assert.Equal((1024, 65535), (path.FilterAtSource.SourcePortRange.FromPort, path.FilterAtSource.SourcePortRange.ToPort));

        var found = await PathsAsync(new Filter("filter-at-source.destination-address", ["10.0.1.200"]), new Filter("filter-at-source.destination-port-range", ["5432"]));
        Assert.Equal(path.NetworkInsightsPathId, Assert.Single(found).NetworkInsightsPathId);
    }

    [Fact]
    public async Task Describe_filters_by_source_destination_protocol_and_tag_and_pages()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var (a, b, c) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet));
        var ab = await NewPathAsync(r => (r.Source, r.Destination) = (a, b));
        var ac = await NewPathAsync(r => (r.Source, r.Destination, r.Protocol) = (a, c, "udp"));
        var bc = await NewPathAsync(r =>
        {
            (r.Source, r.Destination) = (b, c);
            r.TagSpecifications = [new TagSpecification { ResourceType = "network-insights-path", Tags = [new Tag("team", "db")] }];
        });

        Assert.Equal(Ids(ab, ac), Ids(await PathsAsync(new Filter("source", [a]))));
        Assert.Equal(Ids(ac, bc), Ids(await PathsAsync(new Filter("destination", [c]))));
        Assert.Equal(Ids(ac), Ids(await PathsAsync(new Filter("protocol", ["udp"]))));
        Assert.Equal(Ids(bc), Ids(await PathsAsync(new Filter("tag:team", ["db"]))));
        Assert.Equal(Ids(ab), Ids(await PathsAsync(new Filter("source", [$"arn:aws:ec2:us-east-1:{_account}:network-interface/{a}"]), new Filter("protocol", ["tcp"]))));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => PathsAsync(new Filter("colour", ["red"])));

        var pages = new List<string>();
        string? token = null;
        do
        {
            var page = await Ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest { MaxResults = 2, NextToken = token });
            pages.AddRange((page.NetworkInsightsPaths ?? []).Select(p => p.NetworkInsightsPathId));
            token = page.NextToken;
        } while (token is not null);
        Assert.Equal(Ids(ab, ac, bc), pages.Order(StringComparer.Ordinal).ToList());
        await AwsAssert.ErrorCode("InvalidParameterValue", () => Ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest { MaxResults = TooMany }));
    }

    [Fact]
    public async Task Sources_and_destinations_that_do_not_exist_or_cannot_be_ends_are_refused()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var eni = await NewInterfaceAsync(subnet);
        await AwsAssert.ErrorCode("NetworkInsightsSource.NotFound", () => NewPathAsync(r => (r.Source, r.Destination) = ("i-0123456789abcdef0", eni)));
        await AwsAssert.ErrorCode("NetworkInsightsDestination.NotFound", () => NewPathAsync(r => (r.Source, r.Destination) = (eni, "eni-0123456789abcdef0")));
        await AwsAssert.ErrorCode("NetworkInsightsDestination.NotFound", () => NewPathAsync(r => (r.Source, r.Destination) = (eni, "tgw-0123456789abcdef0")));
        // Another account's resource is not visible to this one.
        await AwsAssert.ErrorCode("NetworkInsightsSource.NotFound", () =>
            NewPathAsync(r => (r.Source, r.Destination) = ($"arn:aws:ec2:us-east-1:999999999999:network-interface/{eni}", eni)));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r => (r.Source, r.Destination) = (subnet, eni)));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r => (r.Source, r.Destination) = ("not-an-id", eni)));
        Assert.Empty(await PathsAsync());
    }

    [Fact]
    public async Task Bad_protocols_ports_addresses_and_combinations_get_their_aws_codes()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var (a, b) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet));
        void Ends(CreateNetworkInsightsPathRequest r) => (r.Source, r.Destination) = (a, b);

        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r => { Ends(r); r.Protocol = "icmp"; }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r => { Ends(r); r.DestinationPort = NoPort; }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r => { Ends(r); r.SourceIp = ShortAddress; }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r =>
        {
            Ends(r);
            r.FilterAtDestination = new PathRequestFilter { SourcePortRange = new RequestFilterPortRange { FromPort = 90, ToPort = 80 } };
        }));
        await AwsAssert.ErrorCode("InvalidParameterCombination", () => NewPathAsync(r =>
        {
            Ends(r);
            r.SourceIp = "10.0.1.10";
            r.FilterAtSource = new PathRequestFilter { SourceAddress = "10.0.1.10" };
        }));
        await AwsAssert.ErrorCode("InvalidParameterCombination", () => NewPathAsync(r =>
        {
            Ends(r);
            r.DestinationPort = 22;
            r.FilterAtSource = new PathRequestFilter { DestinationAddress = "10.0.1.10" };
        }));
        await AwsAssert.ErrorCode("InvalidParameterCombination", () => NewPathAsync(r =>
        {
            Ends(r);
            r.DestinationIp = "10.0.1.10";
            r.FilterAtDestination = new PathRequestFilter { DestinationAddress = "10.0.1.10" };
        }));
        await AwsAssert.ErrorCode("MissingParameter", () => NewPathAsync(r => (r.Source, r.Destination) = (a, null)));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewPathAsync(r =>
        {
            Ends(r);
            r.TagSpecifications = [new TagSpecification { ResourceType = "vpc", Tags = [new Tag("a", "b")] }];
        }));
        await AwsAssert.ErrorCode("DryRunOperation", () => NewPathAsync(r => { Ends(r); r.DryRun = true; }));
        Assert.Empty(await PathsAsync());
    }

    [Fact]
    public async Task A_retry_with_the_same_client_token_answers_the_same_path()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var (a, b) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet));
        var first = await NewPathAsync(r => { (r.Source, r.Destination) = (a, b); r.ClientToken = "path-1"; });
        var again = await NewPathAsync(r => { (r.Source, r.Destination) = (a, b); r.ClientToken = "path-1"; });
        Assert.Equal(first.NetworkInsightsPathId, again.NetworkInsightsPathId);
        Assert.Single(await PathsAsync());
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", () => NewPathAsync(r => { (r.Source, r.Destination) = (b, a); r.ClientToken = "path-1"; }));
    }

    [Fact]
    public async Task Deleting_a_path_needs_it_to_exist_and_tags_go_with_it()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var path = await NewPathAsync(async r => (r.Source, r.Destination) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet)));
        await Ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [path.NetworkInsightsPathId], Tags = [new Tag("k", "v")] });
        Assert.Single((await Ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [path.NetworkInsightsPathId])] })).Tags);

        var deleted = await Ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId });
        Assert.Equal(path.NetworkInsightsPathId, deleted.NetworkInsightsPathId);
        Assert.Empty(await PathsAsync());
        Assert.Empty((await Ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [path.NetworkInsightsPathId])] })).Tags ?? []);
        await AwsAssert.ErrorCode("InvalidNetworkInsightsPathId.NotFound", () =>
            Ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }));
        await AwsAssert.ErrorCode("InvalidNetworkInsightsPathId.NotFound", () =>
            Ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest { NetworkInsightsPathIds = [path.NetworkInsightsPathId] }));
        await AwsAssert.ErrorCode("InvalidNetworkInsightsPathId.Malformed", () =>
            Ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = "nip-1" }));
    }

    [Fact]
    public async Task Paths_belong_to_their_account()
    {
        var subnet = await NewSubnetAsync(await NewVpcAsync("10.0.0.0/16"), "10.0.1.0/24");
        var path = await NewPathAsync(async r => (r.Source, r.Destination) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet)));
        var other = emulator.Ec2();
        Assert.Empty((await other.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest())).NetworkInsightsPaths ?? []);
        await AwsAssert.ErrorCode("InvalidNetworkInsightsPathId.NotFound", () =>
            other.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = path.NetworkInsightsPathId }));
    }

    // ---- Analyses ----

    [Fact]
    public async Task An_analysis_starts_running_and_describe_shows_it_succeeded_with_its_findings()
    {
        var n = await TwoTierAsync();
        var path = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 5432));
        var started = (await Ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
        {
            NetworkInsightsPathId = path.NetworkInsightsPathId,
            TagSpecifications = [new TagSpecification { ResourceType = "network-insights-analysis", Tags = [new Tag("Name", "first")] }],
        })).NetworkInsightsAnalysis;
        Assert.StartsWith("nia-", started.NetworkInsightsAnalysisId);
        Assert.EndsWith($":network-insights-analysis/{started.NetworkInsightsAnalysisId}", started.NetworkInsightsAnalysisArn);
        Assert.Equal((AnalysisStatus.Running, path.NetworkInsightsPathId), (started.Status, started.NetworkInsightsPathId));
        Assert.Null(started.NetworkPathFound);

        var read = await ReadAnalysisAsync(started.NetworkInsightsAnalysisId);
        Assert.Equal(AnalysisStatus.Succeeded, read.Status);
        Assert.True(read.NetworkPathFound);
        Assert.Empty(read.Explanations ?? []);
        Assert.Equal("first", Assert.Single(read.Tags).Value);
        var forward = read.ForwardPathComponents.OrderBy(c => c.SequenceNumber).ToList();
        Assert.Equal(n.App, forward[0].Component.Id);
        Assert.Equal(n.Db, forward[^1].Component.Id);
        var rule = Assert.Single(forward, c => c.SecurityGroupRule is { Direction: "ingress" }).SecurityGroupRule;
        Assert.Equal((n.DbGroup, 5432, 5432), (rule.SecurityGroupId, rule.PortRange.From, rule.PortRange.To));
        Assert.NotEmpty(read.ReturnPathComponents);
        Assert.Contains(forward, c => c.Component.Arn == $"arn:aws:ec2:us-east-1:{_account}:network-interface/{n.Db}");
    }

    [Fact]
    public async Task Traffic_the_destination_group_does_not_admit_is_ENI_SG_RULES_MISMATCH_naming_the_group()
    {
        var n = await TwoTierAsync();
        var analysis = await AnalyseAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 22));
        Assert.False(analysis.NetworkPathFound);
        var why = Assert.Single(analysis.Explanations, e => e.ExplanationCode == "ENI_SG_RULES_MISMATCH");
        Assert.Equal(("ingress", n.Db), (why.Direction, why.NetworkInterface.Id));
        Assert.Contains(why.SecurityGroups, g => g.Id == n.DbGroup);
    }

    [Fact]
    public async Task A_network_acl_deny_is_SUBNET_ACL_RESTRICTION_with_the_rule_that_decided()
    {
        var n = await TwoTierAsync();
        var acl = (await Ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = n.Vpc })).NetworkAcl.NetworkAclId;
        await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 90, Egress = false, Protocol = "6", RuleAction = RuleAction.Deny, CidrBlock = "10.0.1.0/24", PortRange = new PortRange { From = 5432, To = 5432 },
        });
        foreach (var egress in new[] { false, true })
        {
            await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
            {
                NetworkAclId = acl, RuleNumber = 100, Egress = egress, Protocol = "-1", RuleAction = RuleAction.Allow, CidrBlock = "0.0.0.0/0",
            });
        }
        var association = (await Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("association.subnet-id", [n.DbSubnet])] }))
            .NetworkAcls[0].Associations.Single(a => a.SubnetId == n.DbSubnet).NetworkAclAssociationId;
        await Ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = acl });

        var analysis = await AnalyseAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 5432));
        Assert.False(analysis.NetworkPathFound);
        var why = Assert.Single(analysis.Explanations, e => e.ExplanationCode == "SUBNET_ACL_RESTRICTION");
        Assert.Equal(("ingress", acl, n.DbSubnet), (why.Direction, why.Acl.Id, why.Subnet.Id));
        Assert.Equal((90, "deny", false), (why.AclRule.RuleNumber, why.AclRule.RuleAction, why.AclRule.Egress));
    }

    [Fact]
    public async Task The_internet_reaches_an_instance_only_through_a_public_address()
    {
        var n = await TwoTierAsync();
        var gateway = (await Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = n.Vpc });
        var main = (await Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("vpc-id", [n.Vpc]), new Filter("association.main", ["true"])],
        })).RouteTables[0].RouteTableId;
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = main, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway });
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = n.AppGroup, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        var exposed = await NewInstanceAsync(n.AppSubnet, n.AppGroup, publicIp: true);
        var hidden = await NewInstanceAsync(n.AppSubnet, n.AppGroup, publicIp: false);

        var reached = await AnalyseAsync(r => (r.Source, r.Destination, r.DestinationPort) = (gateway, exposed, 443));
        Assert.True(reached.NetworkPathFound);
        Assert.Contains(reached.ForwardPathComponents, c => c.Component.Id == gateway);

        var refused = await AnalyseAsync(r => (r.Source, r.Destination, r.DestinationPort) = (gateway, hidden, 443));
        Assert.False(refused.NetworkPathFound);
        Assert.Contains(refused.Explanations, e => e.ExplanationCode == "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS");
    }

    [Fact]
    public async Task Interfaces_of_vpcs_without_a_connection_are_DISCONNECTED_VPCS()
    {
        var n = await TwoTierAsync();
        var other = await NewSubnetAsync(await NewVpcAsync("10.9.0.0/16"), "10.9.1.0/24");
        var stranger = await NewInstanceAsync(other);
        var analysis = await AnalyseAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, stranger, 443));
        Assert.False(analysis.NetworkPathFound);
        Assert.Contains(analysis.Explanations, e => e.ExplanationCode == "DISCONNECTED_VPCS");
    }

    [Fact]
    public async Task An_analysis_after_a_change_sees_the_change()
    {
        var n = await TwoTierAsync();
        var path = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 22));
        Assert.False((await AnalyseAsync(path.NetworkInsightsPathId)).NetworkPathFound);
        Assert.False((await AnalyseAsync(path.NetworkInsightsPathId)).NetworkPathFound);

        var rule = (await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = n.DbGroup, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.1.0/24" }] }],
        })).SecurityGroupRules[0].SecurityGroupRuleId;
        Assert.True((await AnalyseAsync(path.NetworkInsightsPathId)).NetworkPathFound);

        await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = n.DbGroup, SecurityGroupRuleIds = [rule] });
        Assert.False((await AnalyseAsync(path.NetworkInsightsPathId)).NetworkPathFound);
    }

    [Fact]
    public async Task Analyses_paths_and_their_deletion_leave_the_compiled_network_in_place()
    {
        var n = await TwoTierAsync();
        var path = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 5432));
        var first = await StartAsync(path.NetworkInsightsPathId);
        var compiled = await CachedEvaluatorAsync();
        await StartAsync(path.NetworkInsightsPathId);
        var other = await NewPathAsync(r => (r.Source, r.Destination) = (n.Db, n.App));
        await Ec2.DeleteNetworkInsightsAnalysisAsync(new DeleteNetworkInsightsAnalysisRequest { NetworkInsightsAnalysisId = first });
        await Ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = other.NetworkInsightsPathId });
        Assert.Same(compiled, await CachedEvaluatorAsync());
    }

    /// <summary>The evaluator the cache holds for the caller's scope at its current version; fails if it would have to build one.</summary>
    private async Task<ControlPlane.Reachability.IReachabilityEvaluator> CachedEvaluatorAsync()
    {
        await using var scope = emulator.Services.CreateAsyncScope();
        var request = scope.ServiceProvider.GetRequiredService<ControlPlane.Application.Pipeline.RequestContext>();
        (request.AccountId, request.Region) = (_account, "us-east-1");
        var version = await scope.ServiceProvider.GetRequiredService<NetworkViewBuilder>().VersionAsync(CancellationToken.None);
        return await emulator.Services.GetRequiredService<EvaluatorCache>().GetAsync(_account, "us-east-1", version,
            _ => throw new InvalidOperationException("the compiled network was not cached for this version"), CancellationToken.None);
    }

    [Fact]
    public async Task A_peering_connection_as_an_end_is_answered_UNSUPPORTED_COMPONENT()
    {
        var n = await TwoTierAsync();
        var peer = await NewVpcAsync("10.2.0.0/16");
        var peering = (await Ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = n.Vpc, PeerVpcId = peer })).VpcPeeringConnection.VpcPeeringConnectionId;
        var analysis = await AnalyseAsync(r => (r.Source, r.Destination) = (n.App, peering));
        Assert.False(analysis.NetworkPathFound);
        Assert.Equal(peering, Assert.Single(analysis.Explanations, e => e.ExplanationCode == "UNSUPPORTED_COMPONENT").Component.Id);
    }

    [Fact]
    public async Task Analyses_are_listed_by_path_status_and_verdict_and_must_go_before_their_path()
    {
        var n = await TwoTierAsync();
        var open = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 5432));
        var closed = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 22));
        var a1 = await StartAsync(open.NetworkInsightsPathId);
        var a2 = await StartAsync(closed.NetworkInsightsPathId);

        async Task<List<string>> Listed(DescribeNetworkInsightsAnalysesRequest request) =>
            ((await Ec2.DescribeNetworkInsightsAnalysesAsync(request)).NetworkInsightsAnalyses ?? []).Select(a => a.NetworkInsightsAnalysisId).Order(StringComparer.Ordinal).ToList();
        List<string> Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Sorted(a1, a2), await Listed(new DescribeNetworkInsightsAnalysesRequest()));
        Assert.Equal([a1], await Listed(new DescribeNetworkInsightsAnalysesRequest { NetworkInsightsPathId = open.NetworkInsightsPathId }));
        Assert.Equal([a2], await Listed(new DescribeNetworkInsightsAnalysesRequest { Filters = [new Filter("path-found", ["false"])] }));
        Assert.Equal(Sorted(a1, a2), await Listed(new DescribeNetworkInsightsAnalysesRequest { Filters = [new Filter("status", ["succeeded"])] }));
        Assert.Empty(await Listed(new DescribeNetworkInsightsAnalysesRequest { AnalysisStartTime = DateTime.UtcNow.AddHours(1) }));
        Assert.Single(await Listed(new DescribeNetworkInsightsAnalysesRequest { MaxResults = 1 }));
        await AwsAssert.ErrorCode("InvalidNetworkInsightsAnalysisId.NotFound", () =>
            Ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest { NetworkInsightsAnalysisIds = ["nia-0123456789abcdef0"] }));
        await AwsAssert.ErrorCode("InvalidNetworkInsightsAnalysisId.Malformed", () =>
            Ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest { NetworkInsightsAnalysisIds = ["nia-x"] }));

        await AwsAssert.ErrorCode("AnalysisExistsForNetworkInsightsPath", () =>
            Ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = open.NetworkInsightsPathId }));
        Assert.Equal(a1, (await Ec2.DeleteNetworkInsightsAnalysisAsync(new DeleteNetworkInsightsAnalysisRequest { NetworkInsightsAnalysisId = a1 })).NetworkInsightsAnalysisId);
        await AwsAssert.ErrorCode("InvalidNetworkInsightsAnalysisId.NotFound", () =>
            Ec2.DeleteNetworkInsightsAnalysisAsync(new DeleteNetworkInsightsAnalysisRequest { NetworkInsightsAnalysisId = a1 }));
        await Ec2.DeleteNetworkInsightsPathAsync(new DeleteNetworkInsightsPathRequest { NetworkInsightsPathId = open.NetworkInsightsPathId });
        Assert.Equal([a2], await Listed(new DescribeNetworkInsightsAnalysesRequest()));
    }

    [Fact]
    public async Task Starting_needs_an_existing_path_and_a_retry_answers_the_same_analysis()
    {
        var n = await TwoTierAsync();
        var path = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.App, n.Db, 5432));
        var other = await NewPathAsync(r => (r.Source, r.Destination, r.DestinationPort) = (n.Db, n.App, 5432));
        await AwsAssert.ErrorCode("InvalidNetworkInsightsPathId.NotFound", () => StartAsync("nip-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidNetworkInsightsPathId.Malformed", () => StartAsync("nip-1"));
        await AwsAssert.ErrorCode("UnsupportedOperation", () => Ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
        {
            NetworkInsightsPathId = path.NetworkInsightsPathId, FilterInArns = [$"arn:aws:ec2:us-east-1:{_account}:security-group/{n.DbGroup}"],
        }));
        await AwsAssert.ErrorCode("DryRunOperation", () => Ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest
        {
            NetworkInsightsPathId = path.NetworkInsightsPathId, DryRun = true,
        }));
        Assert.Empty((await Ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest())).NetworkInsightsAnalyses ?? []);

        var first = await StartAsync(path.NetworkInsightsPathId, "analysis-1");
        Assert.Equal(first, await StartAsync(path.NetworkInsightsPathId, "analysis-1"));
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", () => StartAsync(other.NetworkInsightsPathId, "analysis-1"));
        Assert.Single((await Ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest())).NetworkInsightsAnalyses);
    }

    // ---- Helpers ----

    /// <summary>
    /// A VPC with an application subnet and instance (group "app") and a database subnet and instance (group "db",
    /// admitting tcp 5432 from "app"); both subnets on the default ACL and the main route table. <see cref="App"/> and
    /// <see cref="Db"/> are the instances' primary interfaces (an interface attached to nothing is BAD_STATE as an end).
    /// </summary>
    private sealed record TwoTier(string Vpc, string AppSubnet, string DbSubnet, string AppGroup, string DbGroup, string App, string Db);

    private async Task<TwoTier> TwoTierAsync()
    {
        var vpc = await NewVpcAsync("10.0.0.0/16");
        var (appSubnet, dbSubnet) = (await NewSubnetAsync(vpc, "10.0.1.0/24"), await NewSubnetAsync(vpc, "10.0.2.0/24"));
        var appGroup = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "app", Description = "app" })).GroupId;
        var dbGroup = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = "db", Description = "db" })).GroupId;
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = dbGroup, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = appGroup }] }],
        });
        return new TwoTier(vpc, appSubnet, dbSubnet, appGroup, dbGroup,
            await PrimaryInterfaceAsync(await NewInstanceAsync(appSubnet, appGroup)), await PrimaryInterfaceAsync(await NewInstanceAsync(dbSubnet, dbGroup)));
    }

    private async Task<string> PrimaryInterfaceAsync(string instance) =>
        (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("attachment.instance-id", [instance])] }))
            .NetworkInterfaces.Single(n => n.Attachment.DeviceIndex == 0).NetworkInterfaceId;

    private async Task<string> StartAsync(string pathId, string? token = null) =>
        (await Ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = pathId, ClientToken = token }))
            .NetworkInsightsAnalysis.NetworkInsightsAnalysisId;

    private async Task<NetworkInsightsAnalysis> ReadAnalysisAsync(string id) =>
        Assert.Single((await Ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest { NetworkInsightsAnalysisIds = [id] })).NetworkInsightsAnalyses);

    /// <summary>Starts an analysis of the path and reads it back once it has succeeded (at once, in the emulator).</summary>
    private async Task<NetworkInsightsAnalysis> AnalyseAsync(string pathId)
    {
        var analysis = await ReadAnalysisAsync(await StartAsync(pathId));
        Assert.Equal(AnalysisStatus.Succeeded, analysis.Status);
        return analysis;
    }

    private async Task<NetworkInsightsAnalysis> AnalyseAsync(Action<CreateNetworkInsightsPathRequest> configure) =>
        await AnalyseAsync((await NewPathAsync(configure)).NetworkInsightsPathId);

    private static List<string> Ids(params NetworkInsightsPath[] paths) => Ids((IEnumerable<NetworkInsightsPath>)paths);

    private static List<string> Ids(IEnumerable<NetworkInsightsPath> paths) => paths.Select(p => p.NetworkInsightsPathId).Order(StringComparer.Ordinal).ToList();

    private async Task<List<NetworkInsightsPath>> PathsAsync(params Filter[] filters) =>
        (await Ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest { Filters = filters.Length == 0 ? null : [.. filters] })).NetworkInsightsPaths ?? [];

    private Task<NetworkInsightsPath> NewPathAsync(Action<CreateNetworkInsightsPathRequest> configure) =>
        NewPathAsync(r => { configure(r); return Task.CompletedTask; });

    private async Task<NetworkInsightsPath> NewPathAsync(Func<CreateNetworkInsightsPathRequest, Task> configure)
    {
        // The SDK fills ClientToken (an idempotency token) itself.
        var request = new CreateNetworkInsightsPathRequest { Protocol = "tcp" };
        await configure(request);
        return (await Ec2.CreateNetworkInsightsPathAsync(request)).NetworkInsightsPath;
    }

    private async Task<string> NewVpcAsync(string cidr) => (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;

    private async Task<string> NewSubnetAsync(string vpc, string cidr) =>
        (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;

    private async Task<string> NewInterfaceAsync(string subnet, params string[] groups) =>
        (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet, Groups = groups.Length == 0 ? null : [.. groups] }))
            .NetworkInterface.NetworkInterfaceId;

    private async Task<string> NewInstanceAsync(string subnet, string? group = null, bool publicIp = false) =>
        (await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1,
            NetworkInterfaces = [new InstanceNetworkInterfaceSpecification
            {
                DeviceIndex = 0, SubnetId = subnet, Groups = group is null ? null : [group], AssociatePublicIpAddress = publicIp,
            }],
        })).Reservation.Instances[0].InstanceId;
}

using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
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

    // ---- Helpers ----

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

    private async Task<string> NewInstanceAsync(string subnet) =>
        (await Ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-0123456789abcdef0", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = subnet }))
            .Reservation.Instances[0].InstanceId;
}

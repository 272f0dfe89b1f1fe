using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>Internet gateways and egress-only internet gateways through the AWS SDK on both stores: attachment rules, quotas, deletion.</summary>
public abstract class InternetGatewayTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : InternetGatewayTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : InternetGatewayTests(e);

    private const string UnknownGateway = "igw-0123456789abcdef0";
    private const string UnknownVpc = "vpc-0123456789abcdef0";

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync(string cidr = "10.0.0.0/16", bool ipv6 = false) =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr, AmazonProvidedIpv6CidrBlock = ipv6 })).Vpc.VpcId;

    private async Task<string> NewGatewayAsync() =>
        (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;

    private async Task<InternetGateway> ReadAsync(string gateway) =>
        Assert.Single((await _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { InternetGatewayIds = [gateway] })).InternetGateways);

    private Task Attach(string gateway, string vpc) =>
        _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });

    private Task Detach(string gateway, string vpc) =>
        _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });

    private async Task<string> NewEgressOnlyAsync(string vpc, string? name = null) =>
        (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest
        {
            VpcId = vpc,
            TagSpecifications = name is null ? null : [new TagSpecification { ResourceType = ResourceType.EgressOnlyInternetGateway, Tags = [new Tag("Name", name)] }],
        })).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;

    private async Task<List<EgressOnlyInternetGateway>> DescribeEgressOnlyAsync(DescribeEgressOnlyInternetGatewaysRequest request) =>
        (await _ec2.DescribeEgressOnlyInternetGatewaysAsync(request)).EgressOnlyInternetGateways ?? [];

    [Fact]
    public async Task A_new_gateway_is_detached_tagged_and_owned_by_the_caller()
    {
        var created = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest
        {
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.InternetGateway, Tags = [new Tag("Name", "edge")] }],
        })).InternetGateway;
        Assert.StartsWith("igw-", created.InternetGatewayId);
        Assert.Empty(created.Attachments ?? []);
        Assert.Equal("edge", Assert.Single(created.Tags).Value);

        var read = Assert.Single((await _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Filter("tag:Name", ["edge"])] })).InternetGateways);
        Assert.Equal(created.InternetGatewayId, read.InternetGatewayId);
        Assert.Equal(created.OwnerId, read.OwnerId);
        Assert.Empty(read.Attachments ?? []);
    }

    [Fact]
    public async Task The_gateway_quota_counts_the_default_vpcs_gateway()
    {
        for (var i = 0; i < 4; i++) await NewGatewayAsync();
        await AwsAssert.ErrorCode("InternetGatewayLimitExceeded", NewGatewayAsync);
    }

    [Fact]
    public async Task An_attached_gateway_shows_an_available_attachment_terraform_waits_for()
    {
        var vpc = await NewVpcAsync();
        var gateway = await NewGatewayAsync();
        await Attach(gateway, vpc);
        var attachment = Assert.Single((await ReadAsync(gateway)).Attachments);
        Assert.Equal((vpc, "available"), (attachment.VpcId, attachment.State.Value));
        var found = Assert.Single((await _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new Filter("attachment.vpc-id", [vpc]), new Filter("attachment.state", ["available"])],
        })).InternetGateways);
        Assert.Equal(gateway, found.InternetGatewayId);
    }

    [Fact]
    public async Task A_gateway_attaches_to_one_vpc_and_a_vpc_takes_one_gateway()
    {
        var (vpc, other) = (await NewVpcAsync(), await NewVpcAsync("10.1.0.0/16"));
        var gateway = await NewGatewayAsync();
        await Attach(gateway, vpc);
        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () => Attach(gateway, vpc));
        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () => Attach(gateway, other));
        await AwsAssert.ErrorCode("InvalidParameterValue", async () => await Attach(await NewGatewayAsync(), vpc));
        Assert.Equal(vpc, Assert.Single((await ReadAsync(gateway)).Attachments).VpcId);
    }

    [Fact]
    public async Task Attaching_needs_a_known_gateway_and_vpc()
    {
        var vpc = await NewVpcAsync();
        var gateway = await NewGatewayAsync();
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => Attach(gateway, UnknownVpc));
        await AwsAssert.ErrorCode("InvalidInternetGatewayID.NotFound", () => Attach(UnknownGateway, vpc));
        await AwsAssert.ErrorCode("InvalidInternetGatewayId.Malformed", () => Attach("igw-nope", vpc));
        await AwsAssert.ErrorCode("InvalidVpcID.Malformed", () => Attach(gateway, "vpc-nope"));
        Assert.Empty((await ReadAsync(gateway)).Attachments ?? []);
    }

    [Fact]
    public async Task Detaching_from_a_vpc_it_is_not_attached_to_is_refused()
    {
        var (vpc, other) = (await NewVpcAsync(), await NewVpcAsync("10.1.0.0/16"));
        var gateway = await NewGatewayAsync();
        await AwsAssert.ErrorCode("Gateway.NotAttached", () => Detach(gateway, vpc));
        await Attach(gateway, vpc);
        await AwsAssert.ErrorCode("Gateway.NotAttached", () => Detach(gateway, other));
        await AwsAssert.ErrorCode("InvalidInternetGatewayID.NotFound", () => Detach(UnknownGateway, vpc));

        await Detach(gateway, vpc);
        Assert.Empty((await ReadAsync(gateway)).Attachments ?? []);
        await Attach(gateway, other);
    }

    [Fact]
    public async Task An_attached_gateway_cannot_be_deleted_nor_its_vpc()
    {
        var vpc = await NewVpcAsync();
        var gateway = await NewGatewayAsync();
        await Attach(gateway, vpc);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = gateway }));
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));

        await Detach(gateway, vpc);
        await _ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = gateway });
        await AwsAssert.ErrorCode("InvalidInternetGatewayID.NotFound", () => ReadAsync(gateway));
        await AwsAssert.ErrorCode("InvalidInternetGatewayID.NotFound", () => _ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = gateway }));
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });
    }

    [Fact]
    public async Task An_egress_only_gateway_is_attached_to_its_vpc_from_the_start()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var created = await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest
        {
            VpcId = vpc,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.EgressOnlyInternetGateway, Tags = [new Tag("Name", "v6-out")] }],
        });
        var gateway = created.EgressOnlyInternetGateway;
        Assert.StartsWith("eigw-", gateway.EgressOnlyInternetGatewayId);
        var attachment = Assert.Single(gateway.Attachments);
        Assert.Equal((vpc, AttachmentStatus.Attached), (attachment.VpcId, attachment.State));
        Assert.Equal("v6-out", Assert.Single(gateway.Tags).Value);

        var read = Assert.Single(await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest { EgressOnlyInternetGatewayIds = [gateway.EgressOnlyInternetGatewayId] }));
        Assert.Equal(vpc, Assert.Single(read.Attachments).VpcId);
        Assert.Equal("v6-out", Assert.Single(read.Tags).Value);
    }

    [Fact]
    public async Task Egress_only_gateways_are_found_by_tags()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var tagged = await NewEgressOnlyAsync(vpc, "out");
        await NewEgressOnlyAsync(vpc);
        Assert.Equal(2, (await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest())).Count);
        Assert.Equal(tagged, Assert.Single(await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest { Filters = [new Filter("tag:Name", ["out"])] }))
            .EgressOnlyInternetGatewayId);
        Assert.Equal(tagged, Assert.Single(await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest { Filters = [new Filter("tag-key", ["Name"])] }))
            .EgressOnlyInternetGatewayId);
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest { Filters = [new Filter("vpc-colour", ["blue"])] }));
    }

    [Fact]
    public async Task An_unknown_egress_only_gateway_is_left_out_and_a_malformed_id_refused()
    {
        Assert.Empty(await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest { EgressOnlyInternetGatewayIds = ["eigw-0123456789abcdef0"] }));
        await AwsAssert.ErrorCode("InvalidEgressOnlyInternetGatewayId.Malformed", () =>
            DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest { EgressOnlyInternetGatewayIds = ["igw-0123456789abcdef0"] }));
    }

    [Fact]
    public async Task Egress_only_gateways_need_a_known_vpc_and_respect_the_quota()
    {
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => NewEgressOnlyAsync(UnknownVpc));
        var vpc = await NewVpcAsync(ipv6: true);
        for (var i = 0; i < 5; i++) await NewEgressOnlyAsync(vpc);
        await AwsAssert.ErrorCode("EgressOnlyInternetGatewayLimitExceeded", () => NewEgressOnlyAsync(vpc));
    }

    [Fact]
    public async Task A_client_token_makes_egress_only_create_idempotent()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var first = await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc, ClientToken = "once" });
        var retry = await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc, ClientToken = "once" });
        Assert.Equal(first.EgressOnlyInternetGateway.EgressOnlyInternetGatewayId, retry.EgressOnlyInternetGateway.EgressOnlyInternetGatewayId);
        Assert.Equal("once", retry.ClientToken);
        Assert.Single(await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest()));
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", async () =>
            await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = await NewVpcAsync("10.1.0.0/16"), ClientToken = "once" }));
    }

    [Fact]
    public async Task Deleting_an_egress_only_gateway_frees_its_vpc()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var gateway = await NewEgressOnlyAsync(vpc);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));

        var deleted = await _ec2.DeleteEgressOnlyInternetGatewayAsync(new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = gateway });
        Assert.True(deleted.ReturnCode);
        Assert.Empty(await DescribeEgressOnlyAsync(new DescribeEgressOnlyInternetGatewaysRequest()));
        await AwsAssert.ErrorCode("InvalidGatewayID.NotFound", () =>
            _ec2.DeleteEgressOnlyInternetGatewayAsync(new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = gateway }));
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });
    }
}

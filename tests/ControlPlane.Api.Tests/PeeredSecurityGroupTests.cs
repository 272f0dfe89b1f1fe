using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>Security group rules referencing groups of peered VPCs, and tags on peering connections, through the AWS SDK on both stores.</summary>
public abstract class PeeredSecurityGroupTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : PeeredSecurityGroupTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : PeeredSecurityGroupTests(e);

    private static async Task<string> NewVpcAsync(AmazonEC2Client ec2, string cidr) =>
        (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;

    private static async Task<string> NewGroupAsync(AmazonEC2Client ec2, string vpc, string name) =>
        (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc })).GroupId;

    private static async Task<string> PeerAsync(AmazonEC2Client requester, string vpc, string peerVpc, string? peerOwner = null) =>
        (await requester.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = vpc, PeerVpcId = peerVpc, PeerOwnerId = peerOwner }))
            .VpcPeeringConnection.VpcPeeringConnectionId;

    private static Task AcceptAsync(AmazonEC2Client accepter, string id) =>
        accepter.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });

    private static Task<AuthorizeSecurityGroupIngressResponse> AllowFromAsync(AmazonEC2Client ec2, string group, string referenced, string? userId = null) =>
        ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, UserIdGroupPairs = [new UserIdGroupPair { GroupId = referenced, UserId = userId }] }],
        });

    private static async Task<UserIdGroupPair> PairAsync(AmazonEC2Client ec2, string group) =>
        Assert.Single(Assert.Single(Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups)
            .IpPermissions).UserIdGroupPairs);

    private static async Task<ReferencedSecurityGroup> ReferencedAsync(AmazonEC2Client ec2, string group) =>
        Assert.Single((await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [group])] }))
            .SecurityGroupRules, r => r.ReferencedGroupInfo is not null).ReferencedGroupInfo;

    [Fact]
    public async Task A_group_of_a_peered_vpc_of_the_same_account_can_be_referenced_once_the_peering_is_active()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        var a = await NewVpcAsync(ec2, "10.1.0.0/16");
        var b = await NewVpcAsync(ec2, "10.2.0.0/16");
        var web = await NewGroupAsync(ec2, a, "web");
        var lb = await NewGroupAsync(ec2, b, "lb");
        var pcx = await PeerAsync(ec2, a, b);

        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => AllowFromAsync(ec2, web, lb));
        await AcceptAsync(ec2, pcx);
        var authorized = Assert.Single((await AllowFromAsync(ec2, web, lb)).SecurityGroupRules).ReferencedGroupInfo;
        Assert.Equal((lb, b, pcx, "active"), (authorized.GroupId, authorized.VpcId, authorized.VpcPeeringConnectionId, authorized.PeeringStatus));

        var pair = await PairAsync(ec2, web);
        Assert.Equal(lb, pair.GroupId);
        Assert.Equal(account, pair.UserId);
        Assert.Equal(b, pair.VpcId);
        Assert.Equal(pcx, pair.VpcPeeringConnectionId);
        Assert.Equal("active", pair.PeeringStatus);
        var referenced = await ReferencedAsync(ec2, web);
        Assert.Equal(lb, referenced.GroupId);
        Assert.Equal(b, referenced.VpcId);
        Assert.Equal(pcx, referenced.VpcPeeringConnectionId);
        Assert.Equal("active", referenced.PeeringStatus);

        // A reference within the VPC carries no peering fields.
        var app = await NewGroupAsync(ec2, a, "app");
        await AllowFromAsync(ec2, app, web);
        var local = await PairAsync(ec2, app);
        Assert.Null(local.VpcId);
        Assert.Null(local.VpcPeeringConnectionId);
        Assert.Null(local.PeeringStatus);
    }

    [Fact]
    public async Task A_group_of_another_accounts_peered_vpc_is_referenced_with_its_user_id()
    {
        var (requester, accepter, stranger) = (emulator.NewAccount(), emulator.NewAccount(), emulator.NewAccount());
        var (ec2A, ec2B, ec2C) = (emulator.Ec2(requester), emulator.Ec2(accepter), emulator.Ec2(stranger));
        var a = await NewVpcAsync(ec2A, "10.1.0.0/16");
        var b = await NewVpcAsync(ec2B, "10.2.0.0/16");
        var c = await NewVpcAsync(ec2C, "10.3.0.0/16");
        var web = await NewGroupAsync(ec2A, a, "web");
        var lb = await NewGroupAsync(ec2B, b, "lb");
        var other = await NewGroupAsync(ec2C, c, "other");
        var pcx = await PeerAsync(ec2A, a, b, accepter);

        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => AllowFromAsync(ec2A, web, lb, accepter));
        await AcceptAsync(ec2B, pcx);
        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => AllowFromAsync(ec2A, web, lb));
        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => AllowFromAsync(ec2A, web, other, stranger));
        await AllowFromAsync(ec2A, web, lb, accepter);

        var pair = await PairAsync(ec2A, web);
        Assert.Equal(lb, pair.GroupId);
        Assert.Equal(accepter, pair.UserId);
        Assert.Equal(b, pair.VpcId);
        Assert.Equal(pcx, pair.VpcPeeringConnectionId);
        Assert.Equal("active", pair.PeeringStatus);
        var referenced = await ReferencedAsync(ec2A, web);
        Assert.Equal(accepter, referenced.UserId);
        Assert.Equal(b, referenced.VpcId);
        Assert.Equal(pcx, referenced.VpcPeeringConnectionId);

        // The accepter side references the requester's group the same way.
        var back = await NewGroupAsync(ec2B, b, "back");
        await AllowFromAsync(ec2B, back, web, requester);
        var reverse = await PairAsync(ec2B, back);
        Assert.Equal(a, reverse.VpcId);
        Assert.Equal(pcx, reverse.VpcPeeringConnectionId);
    }

    [Fact]
    public async Task Either_side_of_a_peering_connection_tags_it_and_nobody_else()
    {
        var (requester, accepter, stranger) = (emulator.NewAccount(), emulator.NewAccount(), emulator.NewAccount());
        var (ec2A, ec2B, ec2C) = (emulator.Ec2(requester), emulator.Ec2(accepter), emulator.Ec2(stranger));
        var pcx = await PeerAsync(ec2A, await NewVpcAsync(ec2A, "10.1.0.0/16"), await NewVpcAsync(ec2B, "10.2.0.0/16"), accepter);

        await ec2A.CreateTagsAsync(new CreateTagsRequest { Resources = [pcx], Tags = [new Tag("Name", "mine")] });
        // Each side's tags are its own, even under the same key.
        await ec2B.CreateTagsAsync(new CreateTagsRequest { Resources = [pcx], Tags = [new Tag("Name", "theirs")] });
        await AwsAssert.ErrorCode("InvalidVpcPeeringConnectionID.NotFound",
            () => ec2C.CreateTagsAsync(new CreateTagsRequest { Resources = [pcx], Tags = [new Tag("Name", "x")] }));
        await AwsAssert.ErrorCode("InvalidVpcPeeringConnectionID.NotFound", () => ec2C.DeleteTagsAsync(new DeleteTagsRequest { Resources = [pcx] }));

        var tags = (await ec2A.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [pcx])] })).Tags;
        var tag = Assert.Single(tags);
        Assert.Equal("mine", tag.Value);
        Assert.Equal("vpc-peering-connection", tag.ResourceType.Value);

        Assert.Equal("theirs", Assert.Single((await ec2B.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [pcx])] })).Tags).Value);
        await ec2B.DeleteTagsAsync(new DeleteTagsRequest { Resources = [pcx], Tags = [new Tag { Key = "Name" }] });
        Assert.Empty((await ec2B.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [pcx])] })).Tags ?? []);
        Assert.Single((await ec2A.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [pcx])] })).Tags);
    }
}

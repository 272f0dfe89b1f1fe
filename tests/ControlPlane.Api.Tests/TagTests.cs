using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>CreateTags, DeleteTags and DescribeTags through the AWS SDK on both stores.</summary>
public abstract class TagTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : TagTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : TagTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    [Fact]
    public async Task Tags_are_set_overwritten_described_and_deleted()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        await _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc, subnet], Tags = [new Tag("env", "dev"), new Tag("team", "net")] });
        await _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [new Tag("env", "prod")] });

        var tags = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc])] })).Tags;
        Assert.Equal([("env", "prod"), ("team", "net")], tags.Select(t => (t.Key, t.Value)));
        Assert.All(tags, t => Assert.Equal(ResourceType.Vpc, t.ResourceType));
        var subnets = (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-type", ["subnet"]), new Filter("key", ["env"])] })).Tags;
        Assert.Equal(subnet, Assert.Single(subnets).ResourceId);

        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc], Tags = [new Tag("env", "dev")] });
        Assert.Equal(2, (await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc])] })).Tags.Count);
        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc], Tags = [new Tag { Key = "env" }] });
        Assert.Equal("team", Assert.Single((await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc])] })).Tags).Key);
        await _ec2.DeleteTagsAsync(new DeleteTagsRequest { Resources = [vpc] });
        Assert.Empty((await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc])] })).Tags ?? []);
    }

    [Fact]
    public async Task Tagging_a_missing_resource_or_a_reserved_key_changes_nothing()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc, "vpc-0123456789abcdef0"], Tags = [new Tag("a", "b")] }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = [vpc], Tags = [new Tag("aws:owner", "me")] }));
        await AwsAssert.ErrorCode("InvalidID", () => _ec2.CreateTagsAsync(new CreateTagsRequest { Resources = ["thing-1"], Tags = [new Tag("a", "b")] }));
        Assert.Empty((await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [vpc])] })).Tags ?? []);
    }

    [Fact]
    public async Task A_tag_specification_for_the_wrong_resource_type_is_refused()
    {
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = "10.0.0.0/16",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Subnet, Tags = [new Tag("a", "b")] }],
        }));
    }
}

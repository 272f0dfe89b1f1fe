using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>CreateSubnet, DescribeSubnets, ModifySubnetAttribute and DeleteSubnet through the AWS SDK on both stores.</summary>
public abstract class SubnetTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : SubnetTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : SubnetTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync(string cidr = "10.0.0.0/16", bool ipv6 = false) =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr, AmazonProvidedIpv6CidrBlock = ipv6 })).Vpc.VpcId;

    [Fact]
    public async Task A_subnet_reserves_five_addresses_and_lands_in_the_named_zone()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1b" })).Subnet;
        Assert.Equal(251, subnet.AvailableIpAddressCount);
        Assert.Equal("us-east-1b", subnet.AvailabilityZone);
        Assert.Equal("use1-az2", subnet.AvailabilityZoneId);
        Assert.False(subnet.DefaultForAz);
        Assert.False(subnet.MapPublicIpOnLaunch);
        Assert.Equal($"arn:aws:ec2:us-east-1:{subnet.OwnerId}:subnet/{subnet.SubnetId}", subnet.SubnetArn);
    }

    [Theory]
    [InlineData("10.1.0.0/24", "InvalidSubnet.Range")]
    [InlineData("10.0.0.0/15", "InvalidSubnet.Range")]
    [InlineData("10.0.0.0/29", "InvalidSubnet.Range")]
    [InlineData("10.0.0.300/24", "InvalidParameterValue")]
    public async Task A_subnet_outside_the_vpc_or_of_the_wrong_size_is_refused(string cidr, string code)
    {
        var vpc = await NewVpcAsync();
        await AwsAssert.ErrorCode(code, () => _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr }));
        Assert.Empty((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc])] })).Subnets ?? []);
    }

    [Fact]
    public async Task Overlapping_subnets_conflict()
    {
        var vpc = await NewVpcAsync();
        await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.0.0/20" });
        await AwsAssert.ErrorCode("InvalidSubnet.Conflict", () => _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.8.0/24" }));
    }

    [Fact]
    public async Task An_unknown_zone_or_vpc_is_refused()
    {
        var vpc = await NewVpcAsync();
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1z" }));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = "vpc-0123456789abcdef0", CidrBlock = "10.0.1.0/24" }));
    }

    [Fact]
    public async Task An_ipv6_subnet_takes_a_64_of_the_vpc_block()
    {
        var vpcId = await NewVpcAsync(ipv6: true);
        var vpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpcId] })).Vpcs);
        var block = vpc.Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock.Replace("00::/56", "01::/64", StringComparison.Ordinal);
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = "10.0.1.0/24", Ipv6CidrBlock = block })).Subnet;
        Assert.Equal(block, Assert.Single(subnet.Ipv6CidrBlockAssociationSet).Ipv6CidrBlock);
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, AssignIpv6AddressOnCreation = true });
        await AwsAssert.ErrorCode("InvalidSubnet.Range", () => _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpcId, CidrBlock = "10.0.2.0/24", Ipv6CidrBlock = "2001:db8::/64" }));
    }

    [Fact]
    public async Task Map_public_ip_on_launch_round_trips()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet;
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, MapPublicIpOnLaunch = true });
        var read = Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets);
        Assert.True(read.MapPublicIpOnLaunch);
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, AssignIpv6AddressOnCreation = true }));
    }

    [Fact]
    public async Task Describe_pages_with_max_results_and_next_token()
    {
        var vpc = await NewVpcAsync();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
            created.Add((await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = $"10.0.{i}.0/24" })).Subnet.SubnetId);

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc])], MaxResults = 5, NextToken = token });
            seen.AddRange(page.Subnets.Select(s => s.SubnetId));
            token = page.NextToken;
            pages++;
        } while (token is not null);
        Assert.Equal(2, pages);
        Assert.Equal(created.Order(), seen.Order());
        await AwsAssert.ErrorCode("InvalidNextToken", () => _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { MaxResults = 5, NextToken = "garbage" }));
    }

    [Fact]
    public async Task Filters_select_by_cidr_zone_and_tag()
    {
        var vpc = await NewVpcAsync();
        var a = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest
        {
            VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Subnet, Tags = [new Tag("tier", "web")] }],
        })).Subnet.SubnetId;
        await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.2.0/24", AvailabilityZone = "us-east-1b" });

        async Task<IEnumerable<string>> Ids(params Filter[] filters) =>
            ((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [vpc]), .. filters] })).Subnets ?? []).Select(s => s.SubnetId);
        Assert.Equal([a], await Ids(new Filter("cidr-block", ["10.0.1.0/24"])));
        Assert.Equal([a], await Ids(new Filter("availability-zone", ["us-east-1a"])));
        Assert.Equal([a], await Ids(new Filter("tag:tier", ["w*"])));
        Assert.Equal([a], await Ids(new Filter("tag-key", ["tier"])));
        Assert.Equal(2, (await Ids(new Filter("state", ["available"]))).Count());
    }

    [Fact]
    public async Task Deleting_an_unknown_subnet_is_not_found()
    {
        await AwsAssert.ErrorCode("InvalidSubnetID.NotFound", () => _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = "subnet-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidSubnetID.Malformed", () => _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = "bogus" }));
    }
}

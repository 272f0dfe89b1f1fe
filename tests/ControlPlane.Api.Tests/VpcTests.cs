using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>CreateVpc, DescribeVpcs, DeleteVpc, the VPC attributes and CIDR associations, through the AWS SDK on both stores.</summary>
public abstract class VpcTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : VpcTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : VpcTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    [Fact]
    public async Task Every_account_starts_with_a_default_vpc_and_one_default_subnet_per_zone()
    {
        var vpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
        Assert.True(vpc.IsDefault);
        Assert.Equal("172.31.0.0/16", vpc.CidrBlock);
        var subnets = (await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("default-for-az", ["true"])],
        })).Subnets;
        var zones = (await _ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest())).AvailabilityZones;
        Assert.Equal(zones.Select(z => z.ZoneName).Order(), subnets.Select(s => s.AvailabilityZone).Order());
        Assert.All(subnets, s => Assert.True(s.MapPublicIpOnLaunch));
        Assert.All(subnets, s => Assert.Equal(4091, s.AvailableIpAddressCount));
    }

    [Fact]
    public async Task A_new_vpc_is_available_tagged_and_owned_by_the_callers_account()
    {
        var account = emulator.NewAccount();
        var ec2 = emulator.Ec2(account);
        var created = (await ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = "10.1.0.0/16",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Vpc, Tags = [new Tag("Name", "main")] }],
        })).Vpc;
        Assert.Equal(account, created.OwnerId);
        Assert.Equal("main", Assert.Single(created.Tags).Value);

        var read = Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("tag:Name", ["main"])] })).Vpcs);
        Assert.Equal(created.VpcId, read.VpcId);
        Assert.Equal(VpcState.Available, read.State);
        Assert.Equal("default", read.InstanceTenancy.Value);
        Assert.False(read.IsDefault);
        Assert.Equal("10.1.0.0/16", Assert.Single(read.CidrBlockAssociationSet).CidrBlock);
    }

    [Fact]
    public async Task A_cidr_with_host_bits_is_canonicalised()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.20.30.40/16" })).Vpc;
        Assert.Equal("10.20.0.0/16", vpc.CidrBlock);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "InvalidVpc.Range")]
    [InlineData("10.0.0.0/29", "InvalidVpc.Range")]
    [InlineData("10.0.0.0/33", "InvalidParameterValue")]
    [InlineData("10.0.0/16", "InvalidParameterValue")]
    [InlineData("2600::/56", "InvalidParameterValue")]
    public async Task A_bad_cidr_is_refused_with_the_aws_code_and_creates_nothing(string cidr, string code)
    {
        await AwsAssert.ErrorCode(code, () => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr }));
        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }

    [Fact]
    public async Task The_vpc_quota_counts_the_default_vpc()
    {
        for (var i = 0; i < 4; i++) await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = $"10.{i}.0.0/16" });
        await AwsAssert.ErrorCode("VpcLimitExceeded", () => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.9.0.0/16" }));
    }

    [Fact]
    public async Task Ipv6_gives_a_56_and_opens_the_default_group_to_ipv6()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.2.0.0/16", AmazonProvidedIpv6CidrBlock = true })).Vpc;
        var block = Assert.Single(vpc.Ipv6CidrBlockAssociationSet);
        Assert.EndsWith("::/56", block.Ipv6CidrBlock);
        var group = Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [vpc.VpcId]), new Filter("group-name", ["default"])],
        })).SecurityGroups);
        var egress = Assert.Single(group.IpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Equal("0.0.0.0/0", Assert.Single(egress.Ipv4Ranges).CidrIp);
        Assert.Equal("::/0", Assert.Single(egress.Ipv6Ranges).CidrIpv6);
    }

    [Fact]
    public async Task Associating_ipv6_later_adds_the_ipv6_egress_to_unchanged_groups_only()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.3.0.0/16" })).Vpc;
        var untouched = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "untouched", Description = "d", VpcId = vpc.VpcId })).GroupId;
        var changed = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "changed", Description = "d", VpcId = vpc.VpcId })).GroupId;
        await _ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = changed, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        });

        var associated = await _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, AmazonProvidedIpv6CidrBlock = true });
        Assert.NotNull(associated.Ipv6CidrBlockAssociation.Ipv6CidrBlock);

        var groups = (await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [untouched, changed] })).SecurityGroups;
        Assert.Contains(groups.Single(g => g.GroupId == untouched).IpPermissionsEgress, p => p.Ipv6Ranges?.Any(r => r.CidrIpv6 == "::/0") == true);
        Assert.DoesNotContain(groups.Single(g => g.GroupId == changed).IpPermissionsEgress, p => p.Ipv6Ranges?.Any() == true);
    }

    [Fact]
    public async Task A_secondary_ipv4_block_must_not_overlap_and_the_primary_cannot_be_removed()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.4.0.0/16" })).Vpc;
        await AwsAssert.ErrorCode("InvalidVpc.Range", () => _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, CidrBlock = "10.4.128.0/17" }));
        var secondary = await _ec2.AssociateVpcCidrBlockAsync(new AssociateVpcCidrBlockRequest { VpcId = vpc.VpcId, CidrBlock = "10.5.0.0/16" });
        var read = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] })).Vpcs);
        Assert.Equal(["10.4.0.0/16", "10.5.0.0/16"], read.CidrBlockAssociationSet.Select(c => c.CidrBlock));

        var primary = read.CidrBlockAssociationSet.Single(c => c.CidrBlock == "10.4.0.0/16").AssociationId;
        await AwsAssert.ErrorCode("OperationNotPermitted", () => _ec2.DisassociateVpcCidrBlockAsync(new DisassociateVpcCidrBlockRequest { AssociationId = primary }));
        await _ec2.DisassociateVpcCidrBlockAsync(new DisassociateVpcCidrBlockRequest { AssociationId = secondary.CidrBlockAssociation.AssociationId });
        read = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] })).Vpcs);
        Assert.Single(read.CidrBlockAssociationSet);
    }

    [Fact]
    public async Task Dns_attributes_round_trip_and_hostnames_need_dns_support()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.6.0.0/16" })).Vpc;
        await _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsHostnames = true });
        Assert.True((await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsHostnames })).EnableDnsHostnames);
        Assert.False((await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableNetworkAddressUsageMetrics })).EnableNetworkAddressUsageMetrics);
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = vpc.VpcId, EnableDnsSupport = false }));
        Assert.True((await _ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = vpc.VpcId, Attribute = VpcAttributeName.EnableDnsSupport })).EnableDnsSupport);
    }

    [Fact]
    public async Task Deleting_a_vpc_with_a_subnet_is_a_dependency_violation_until_the_subnet_is_gone()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.7.0.0/16" })).Vpc;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc.VpcId, CidrBlock = "10.7.1.0/24" })).Subnet;
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }));

        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet.SubnetId });
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId });
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc.VpcId] }));
        var leftovers = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc.VpcId])] });
        Assert.Empty(leftovers.SecurityGroups ?? []);
    }

    [Fact]
    public async Task Deleting_a_vpc_with_a_custom_security_group_is_a_dependency_violation()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.8.0.0/16" })).Vpc;
        await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc.VpcId });
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc.VpcId }));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_and_filters_get_their_aws_codes()
    {
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }));
        await AwsAssert.ErrorCode("InvalidVpcID.Malformed", () => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["nope"] }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("colour", ["blue"])] }));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = "vpc-0123456789abcdef0" }));
    }

    [Fact]
    public async Task Dry_run_answers_dry_run_operation_and_creates_nothing()
    {
        await AwsAssert.ErrorCode("DryRunOperation", () => _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.9.0.0/16", DryRun = true }));
        Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs);
    }

    [Fact]
    public async Task Accounts_and_regions_do_not_see_each_others_vpcs()
    {
        var account = emulator.NewAccount();
        var mine = (await emulator.Ec2(account).CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.10.0.0/16" })).Vpc;
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [mine.VpcId] }));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => emulator.Ec2(account, "eu-west-1").DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [mine.VpcId] }));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = mine.VpcId }));
    }

    [Fact]
    public async Task Caller_identity_is_the_access_keys_account()
    {
        var account = emulator.NewAccount();
        var identity = await emulator.Sts(account).GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());
        Assert.Equal(account, identity.Account);
        Assert.Equal($"arn:aws:iam::{account}:root", identity.Arn);
    }
}

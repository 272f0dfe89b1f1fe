using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>Security groups and their rules through the AWS SDK on both stores: AWS's defaults, grouping, errors and quotas.</summary>
public abstract class SecurityGroupTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : SecurityGroupTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : SecurityGroupTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync() => (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

    private async Task<string> NewGroupAsync(string vpc, string name) =>
        (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc })).GroupId;

    private async Task<SecurityGroup> ReadAsync(string group) =>
        Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups);

    private static IpPermission Tcp(int from, int to, params string[] cidrs) => new()
    {
        IpProtocol = "tcp", FromPort = from, ToPort = to, Ipv4Ranges = cidrs.Select(c => new IpRange { CidrIp = c }).ToList(),
    };

    [Fact]
    public async Task A_new_group_allows_all_egress_and_nothing_in()
    {
        var vpc = await NewVpcAsync();
        var group = await ReadAsync(await NewGroupAsync(vpc, "web"));
        Assert.Empty(group.IpPermissions ?? []);
        var egress = Assert.Single(group.IpPermissionsEgress);
        Assert.Equal("-1", egress.IpProtocol);
        Assert.Equal("0.0.0.0/0", Assert.Single(egress.Ipv4Ranges).CidrIp);
        Assert.Equal(vpc, group.VpcId);
    }

    [Fact]
    public async Task The_default_group_admits_itself_and_cannot_be_deleted()
    {
        var vpc = await NewVpcAsync();
        var group = Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("vpc-id", [vpc]), new Filter("group-name", ["default"])],
        })).SecurityGroups);
        var ingress = Assert.Single(group.IpPermissions);
        Assert.Equal("-1", ingress.IpProtocol);
        Assert.Equal(group.GroupId, Assert.Single(ingress.UserIdGroupPairs).GroupId);
        await AwsAssert.ErrorCode("CannotDelete", () => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }));
    }

    [Fact]
    public async Task Names_are_unique_per_vpc_without_regard_to_case_and_default_is_reserved()
    {
        var vpc = await NewVpcAsync();
        await NewGroupAsync(vpc, "Web");
        await AwsAssert.ErrorCode("InvalidGroup.Duplicate", () => NewGroupAsync(vpc, "web"));
        await AwsAssert.ErrorCode("InvalidGroup.Reserved", () => NewGroupAsync(vpc, "default"));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => NewGroupAsync(vpc, "sg-lookalike"));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => NewGroupAsync("vpc-0123456789abcdef0", "x"));
        await NewGroupAsync(await NewVpcAsync(), "web");
    }

    [Fact]
    public async Task Without_a_vpc_the_group_goes_to_the_default_vpc()
    {
        var id = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "classic", Description = "d" })).GroupId;
        var defaultVpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs);
        Assert.Equal(defaultVpc.VpcId, (await ReadAsync(id)).VpcId);
    }

    [Fact]
    public async Task Each_peer_becomes_a_rule_with_an_id_and_rules_group_by_protocol_and_ports()
    {
        var vpc = await NewVpcAsync();
        var web = await NewGroupAsync(vpc, "web");
        var lb = await NewGroupAsync(vpc, "lb");
        var response = await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web,
            IpPermissions =
            [
                new IpPermission
                {
                    IpProtocol = "6", FromPort = 443, ToPort = 443,
                    Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.7/16", Description = "vpc" }],
                    Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "2001:db8::/32" }],
                    UserIdGroupPairs = [new UserIdGroupPair { GroupId = lb, Description = "from lb" }],
                },
                new IpPermission { IpProtocol = "icmp", FromPort = 8, ToPort = -1, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] },
            ],
        });
        Assert.Equal(4, response.SecurityGroupRules.Count);
        Assert.All(response.SecurityGroupRules, r => Assert.StartsWith("sgr-", r.SecurityGroupRuleId));

        var group = await ReadAsync(web);
        var https = group.IpPermissions.Single(p => p.FromPort == 443);
        Assert.Equal("tcp", https.IpProtocol);
        Assert.Equal("10.0.0.0/16", Assert.Single(https.Ipv4Ranges).CidrIp);
        Assert.Equal("vpc", https.Ipv4Ranges[0].Description);
        Assert.Equal("2001:db8::/32", Assert.Single(https.Ipv6Ranges).CidrIpv6);
        Assert.Equal(lb, Assert.Single(https.UserIdGroupPairs).GroupId);
        var icmp = group.IpPermissions.Single(p => p.IpProtocol == "icmp");
        Assert.Equal(8, icmp.FromPort);
        Assert.Equal(-1, icmp.ToPort);

        var rules = (await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { Filters = [new Filter("group-id", [web])] })).SecurityGroupRules;
        var reference = rules.Single(r => r.ReferencedGroupInfo is not null);
        Assert.Equal(lb, reference.ReferencedGroupInfo.GroupId);
        Assert.Equal("from lb", reference.Description);
        var all = rules.Single(r => r.IsEgress == true);
        Assert.Equal(-1, all.FromPort);
        Assert.Equal(-1, all.ToPort);
    }

    [Fact]
    public async Task A_duplicate_rule_is_refused_and_a_failing_request_adds_nothing()
    {
        var vpc = await NewVpcAsync();
        var web = await NewGroupAsync(vpc, "web");
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = web, IpPermissions = [Tcp(22, 22, "10.0.0.0/8")] });
        await AwsAssert.ErrorCode("InvalidPermission.Duplicate", () => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web, IpPermissions = [Tcp(80, 80, "10.0.0.0/8"), Tcp(22, 22, "10.1.2.3/8")],
        }));
        Assert.Equal([22], (await ReadAsync(web)).IpPermissions.Select(p => p.FromPort ?? 0));
    }

    [Theory]
    [InlineData("tcp", null, null, "InvalidParameterValue")]
    [InlineData("tcp", 0, 70000, "InvalidPermission.Malformed")]
    [InlineData("bogus", 1, 2, "InvalidParameterValue")]
    public async Task Bad_protocols_and_ports_get_their_aws_codes(string protocol, int? from, int? to, string code)
    {
        var web = await NewGroupAsync(await NewVpcAsync(), "web");
        await AwsAssert.ErrorCode(code, () => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web, IpPermissions = [new IpPermission { IpProtocol = protocol, FromPort = from, ToPort = to, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }));
    }

    [Fact]
    public async Task The_rule_quota_applies_per_direction()
    {
        var web = await NewGroupAsync(await NewVpcAsync(), "web");
        var sixty = Enumerable.Range(0, 60).Select(i => $"10.{i}.0.0/16").ToArray();
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = web, IpPermissions = [Tcp(22, 22, sixty)] });
        await AwsAssert.ErrorCode("RulesPerSecurityGroupLimitExceeded", () =>
            _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = web, IpPermissions = [Tcp(23, 23, "192.168.0.0/16")] }));
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 23, ToPort = 23, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] }],
        });
    }

    [Fact]
    public async Task Terraforms_default_egress_revoke_matches_the_all_traffic_rule()
    {
        var web = await NewGroupAsync(await NewVpcAsync(), "web");
        var revoked = await _ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = web, IpPermissions = [new IpPermission { IpProtocol = "-1", FromPort = 0, ToPort = 0, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0" }] }],
        });
        Assert.Single(revoked.RevokedSecurityGroupRules);
        Assert.Empty((await ReadAsync(web)).IpPermissionsEgress ?? []);
        await AwsAssert.ErrorCode("InvalidPermission.NotFound", () => _ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = web, IpPermissions = [new IpPermission { IpProtocol = "-1", Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] }],
        }));
    }

    [Fact]
    public async Task Rules_are_revoked_and_modified_by_id()
    {
        var web = await NewGroupAsync(await NewVpcAsync(), "web");
        var created = (await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = web, IpPermissions = [Tcp(22, 22, "10.0.0.0/8", "172.16.0.0/12")] })).SecurityGroupRules;
        var first = created[0].SecurityGroupRuleId;
        await _ec2.ModifySecurityGroupRulesAsync(new ModifySecurityGroupRulesRequest
        {
            GroupId = web,
            SecurityGroupRules = [new SecurityGroupRuleUpdate
            {
                SecurityGroupRuleId = first,
                SecurityGroupRule = new SecurityGroupRuleRequest { IpProtocol = "tcp", FromPort = 2222, ToPort = 2222, CidrIpv4 = "10.0.0.0/8", Description = "moved" },
            }],
        });
        var read = Assert.Single((await _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [first] })).SecurityGroupRules);
        Assert.Equal(2222, read.FromPort);
        Assert.Equal("moved", read.Description);

        await _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = web, SecurityGroupRuleIds = [created[1].SecurityGroupRuleId] });
        await AwsAssert.ErrorCode("InvalidSecurityGroupRuleId.NotFound", () =>
            _ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest { SecurityGroupRuleIds = [created[1].SecurityGroupRuleId] }));
        await AwsAssert.ErrorCode("InvalidSecurityGroupRuleId.Malformed", () =>
            _ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = web, SecurityGroupRuleIds = ["rule-1"] }));
    }

    [Fact]
    public async Task A_referenced_group_cannot_be_deleted_until_the_reference_goes()
    {
        var vpc = await NewVpcAsync();
        var db = await NewGroupAsync(vpc, "db");
        var app = await NewGroupAsync(vpc, "app");
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = db, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = app }] }],
        });
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = app }));
        Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("ip-permission.group-id", [app])] })).SecurityGroups);

        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = db });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = app });
        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [app] }));
    }

    [Fact]
    public async Task A_reference_to_a_group_of_another_vpc_or_no_group_is_refused()
    {
        var web = await NewGroupAsync(await NewVpcAsync(), "web");
        var other = await NewGroupAsync(await NewVpcAsync(), "other");
        foreach (var peer in new[] { other, "sg-0123456789abcdef0" })
        {
            await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = web, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 1, ToPort = 1, UserIdGroupPairs = [new UserIdGroupPair { GroupId = peer }] }],
            }));
        }
        await AwsAssert.ErrorCode("InvalidGroupId.Malformed", () => _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["web"] }));
    }

    [Fact]
    public async Task Describe_filters_by_rule_contents_and_pages()
    {
        var vpc = await NewVpcAsync();
        var groups = new List<string>();
        for (var i = 0; i < 6; i++) groups.Add(await NewGroupAsync(vpc, $"g{i}"));
        await _ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = groups[2], IpPermissions = [Tcp(8080, 8081, "10.9.0.0/16")] });

        Assert.Equal(groups[2], Assert.Single((await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Filter("ip-permission.cidr", ["10.9.0.0/16"]), new Filter("ip-permission.from-port", ["8080"])],
        })).SecurityGroups).GroupId);

        var first = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc])], MaxResults = 5 });
        Assert.Equal(5, first.SecurityGroups.Count);
        var second = await _ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("vpc-id", [vpc])], MaxResults = 5, NextToken = first.NextToken });
        Assert.Equal(2, second.SecurityGroups.Count);
        Assert.Null(second.NextToken);
    }
}

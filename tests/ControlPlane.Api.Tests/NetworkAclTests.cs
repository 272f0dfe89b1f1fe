using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>Network ACLs, their entries and subnet associations through the AWS SDK on both stores: AWS's defaults, errors and quotas.</summary>
public abstract class NetworkAclTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : NetworkAclTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : NetworkAclTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync(string cidr = "10.0.0.0/16", bool ipv6 = false) =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr, AmazonProvidedIpv6CidrBlock = ipv6 })).Vpc.VpcId;

    private async Task<string> NewAclAsync(string vpc) =>
        (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc })).NetworkAcl.NetworkAclId;

    private async Task<NetworkAcl> ReadAsync(string acl) =>
        Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl] })).NetworkAcls);

    private async Task<NetworkAcl> DefaultAclAsync(string vpc) => Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
    {
        Filters = [new Filter("vpc-id", [vpc]), new Filter("default", ["true"])],
    })).NetworkAcls);

    /// <summary>The subnet's one association, found the way Terraform finds it.</summary>
    private async Task<NetworkAclAssociation> AssociationOfAsync(string subnet)
    {
        var acl = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("association.subnet-id", [subnet])],
        })).NetworkAcls);
        return Assert.Single(acl.Associations, a => a.SubnetId == subnet);
    }

    private static CreateNetworkAclEntryRequest Entry(string acl, int number, string protocol = "-1", string cidr = "0.0.0.0/0", bool egress = false) => new()
    {
        NetworkAclId = acl, RuleNumber = number, Protocol = protocol, RuleAction = RuleAction.Allow, Egress = egress, CidrBlock = cidr,
    };

    private static IEnumerable<NetworkAclEntry> Numbered(NetworkAcl acl) => acl.Entries.Where(e => e.RuleNumber < 32767);

    private static T With<T>(T request, Action<T> change)
    {
        change(request);
        return request;
    }

    [Fact]
    public async Task A_new_acl_denies_everything_with_its_star_rules_and_has_no_subnets()
    {
        var vpc = await NewVpcAsync();
        var created = (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest
        {
            VpcId = vpc, TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkAcl, Tags = [new Tag("Name", "web")] }],
        })).NetworkAcl;
        foreach (var acl in new[] { created, await ReadAsync(created.NetworkAclId) })
        {
            Assert.False(acl.IsDefault);
            Assert.Equal(vpc, acl.VpcId);
            Assert.Empty(acl.Associations ?? []);
            Assert.Equal("web", Assert.Single(acl.Tags).Value);
            Assert.Equal([(true, 32767), (false, 32767)], acl.Entries.Select(e => (e.Egress!.Value, e.RuleNumber!.Value)));
            Assert.All(acl.Entries, e => Assert.Equal(("-1", "deny", "0.0.0.0/0"), (e.Protocol, e.RuleAction.Value, e.CidrBlock)));
        }
    }

    [Fact]
    public async Task An_acl_in_an_ipv6_vpc_also_shows_the_ipv6_star_rules()
    {
        var acl = await ReadAsync(await NewAclAsync(await NewVpcAsync(ipv6: true)));
        Assert.Equal([32767, 32768, 32767, 32768], acl.Entries.Select(e => e.RuleNumber!.Value));
        Assert.Equal(2, acl.Entries.Count(e => e.Ipv6CidrBlock == "::/0" && e.RuleAction == RuleAction.Deny));
    }

    [Fact]
    public async Task A_retry_with_the_same_client_token_answers_the_same_acl()
    {
        var vpc = await NewVpcAsync();
        var first = (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc, ClientToken = "token-1" })).NetworkAcl.NetworkAclId;
        var again = await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc, ClientToken = "token-1" });
        Assert.Equal(first, again.NetworkAcl.NetworkAclId);
        Assert.Equal("token-1", again.ClientToken);
        Assert.Equal(2, (await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("vpc-id", [vpc])] })).NetworkAcls.Count);

        var other = await NewVpcAsync("10.1.0.0/16");
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", () => _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = other, ClientToken = "token-1" }));
        Assert.NotEqual(first, (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc, ClientToken = "token-2" })).NetworkAcl.NetworkAclId);
    }

    [Fact]
    public async Task Creating_an_acl_needs_an_existing_vpc_and_answers_dry_runs_without_acting()
    {
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = "vpc-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidVpcID.Malformed", () => _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = "bogus" }));
        var vpc = await NewVpcAsync();
        await AwsAssert.ErrorCode("DryRunOperation", () => _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc, DryRun = true }));
        Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("vpc-id", [vpc])] })).NetworkAcls);
    }

    [Fact]
    public async Task The_acl_quota_counts_the_default_acl_of_the_vpc()
    {
        var vpc = await NewVpcAsync();
        for (var i = 1; i < 200; i++) await NewAclAsync(vpc);
        await AwsAssert.ErrorCode("NetworkAclLimitExceeded", () => NewAclAsync(vpc));
        await NewAclAsync(await NewVpcAsync("10.1.0.0/16"));
    }

    [Fact]
    public async Task Entries_are_stored_by_protocol_number_with_canonical_cidrs_and_only_the_ports_their_protocol_uses()
    {
        var acl = await NewAclAsync(await NewVpcAsync(ipv6: true));
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 100, "6", "10.1.2.3/16"), r => r.PortRange = new PortRange { From = 443, To = 443 }));
        // Terraform sends ports 0-0 with protocol -1; AWS ignores them.
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 110, "-1", egress: true), r => r.PortRange = new PortRange { From = 0, To = 0 }));
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 120, "1"), r => { r.IcmpTypeCode = new IcmpTypeCode { Type = 3, Code = 4 }; r.PortRange = new PortRange { From = 1, To = 2 }; }));
        await _ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 130, Protocol = "58", RuleAction = RuleAction.Deny, Egress = false, Ipv6CidrBlock = "2600:1f00::1/64",
            IcmpTypeCode = new IcmpTypeCode { Type = -1, Code = -1 },
        });
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 140, "58"), r => r.IcmpTypeCode = new IcmpTypeCode { Type = 8, Code = 0 }));
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 150, "50"), r => r.PortRange = new PortRange { From = 5, To = 6 }));

        var entries = Numbered(await ReadAsync(acl)).ToDictionary(e => e.RuleNumber!.Value);
        Assert.Equal(("6", "10.1.0.0/16", 443, 443), (entries[100].Protocol, entries[100].CidrBlock, entries[100].PortRange.From, entries[100].PortRange.To));
        Assert.True(entries[110].Egress);
        Assert.Null(entries[110].PortRange);
        Assert.Equal(("1", 3, 4), (entries[120].Protocol, entries[120].IcmpTypeCode.Type, entries[120].IcmpTypeCode.Code));
        Assert.Null(entries[120].PortRange);
        Assert.Equal(("2600:1f00::/64", -1, "deny"), (entries[130].Ipv6CidrBlock, entries[130].IcmpTypeCode.Type, entries[130].RuleAction.Value));
        Assert.Null(entries[130].CidrBlock);
        Assert.Null(entries[140].IcmpTypeCode); // ICMPv6 with an IPv4 block covers every type
        Assert.Equal("50", entries[150].Protocol);
        Assert.Null(entries[150].PortRange);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("udp")]
    [InlineData("icmp")]
    [InlineData("all")]
    [InlineData("256")]
    [InlineData("-2")]
    public async Task Protocol_names_and_unknown_numbers_are_rejected_as_aws_rejects_them(string protocol)
    {
        var acl = await NewAclAsync(await NewVpcAsync());
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 100, protocol), r => r.PortRange = new PortRange { From = 22, To = 22 })));
        Assert.Empty(Numbered(await ReadAsync(acl)));
    }

    /// <summary>Each change spoils a valid entry (rule 100, all traffic from 0.0.0.0/0) in one way.</summary>
    private static readonly Dictionary<string, Action<CreateNetworkAclEntryRequest>> Spoilers = new()
    {
        ["rule 0"] = r => r.RuleNumber = 0,
        ["rule 32767"] = r => r.RuleNumber = 32767,
        ["rule 32768"] = r => r.RuleNumber = 32768,
        ["rule 40000"] = r => r.RuleNumber = 40000,
        ["action permit"] = r => r.RuleAction = "permit",
        ["tcp without ports"] = r => r.Protocol = "6",
        ["udp without to port"] = r => { r.Protocol = "17"; r.PortRange = new PortRange { From = 53 }; },
        ["port 70000"] = r => { r.Protocol = "6"; r.PortRange = new PortRange { From = 0, To = 70000 }; },
        ["ports reversed"] = r => { r.Protocol = "6"; r.PortRange = new PortRange { From = 90, To = 80 }; },
        ["icmp without type"] = r => r.Protocol = "1",
        ["icmp type 300"] = r => { r.Protocol = "1"; r.IcmpTypeCode = new IcmpTypeCode { Type = 300, Code = 0 }; },
        ["icmpv6 to ipv6 without type"] = r => { r.Protocol = "58"; r.CidrBlock = null; r.Ipv6CidrBlock = "::/0"; },
        ["ipv6 in cidr block"] = r => r.CidrBlock = "::/0",
        ["cidr /33"] = r => r.CidrBlock = "10.0.0.0/33",
        ["ipv4 in ipv6 cidr block"] = r => { r.CidrBlock = null; r.Ipv6CidrBlock = "10.0.0.0/8"; },
        ["no cidr"] = r => r.CidrBlock = null,
        ["both cidrs"] = r => r.Ipv6CidrBlock = "::/0",
        ["no direction"] = r => r.Egress = null,
    };

    [Theory]
    [InlineData("rule 0", "InvalidParameterValue")]
    [InlineData("rule 32767", "InvalidParameterValue")]
    [InlineData("rule 32768", "InvalidParameterValue")]
    [InlineData("rule 40000", "InvalidParameterValue")]
    [InlineData("action permit", "InvalidParameterValue")]
    [InlineData("tcp without ports", "MissingParameter")]
    [InlineData("udp without to port", "MissingParameter")]
    [InlineData("port 70000", "InvalidParameterValue")]
    [InlineData("ports reversed", "InvalidParameterValue")]
    [InlineData("icmp without type", "MissingParameter")]
    [InlineData("icmp type 300", "InvalidParameterValue")]
    [InlineData("icmpv6 to ipv6 without type", "MissingParameter")]
    [InlineData("ipv6 in cidr block", "InvalidParameterValue")]
    [InlineData("cidr /33", "InvalidParameterValue")]
    [InlineData("ipv4 in ipv6 cidr block", "InvalidParameterValue")]
    [InlineData("no cidr", "MissingParameter")]
    [InlineData("both cidrs", "InvalidParameterCombination")]
    [InlineData("no direction", "MissingParameter")]
    public async Task A_bad_entry_gets_its_aws_error_and_changes_nothing(string spoiler, string code)
    {
        var acl = await NewAclAsync(await NewVpcAsync());
        await AwsAssert.ErrorCode(code, () => _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 100), Spoilers[spoiler])));
        Assert.Empty(Numbered(await ReadAsync(acl)));
    }

    [Fact]
    public async Task Entries_need_an_existing_acl()
    {
        await AwsAssert.ErrorCode("InvalidNetworkAclID.NotFound", () => _ec2.CreateNetworkAclEntryAsync(Entry("acl-0123456789abcdef0", 100)));
        await AwsAssert.ErrorCode("InvalidNetworkAclId.Malformed", () => _ec2.CreateNetworkAclEntryAsync(Entry("bogus", 100)));
        // Another account's ACL is not there for this one.
        var other = emulator.Ec2();
        var foreign = (await other.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = (await other.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs[0].VpcId }))
            .NetworkAcl.NetworkAclId;
        await AwsAssert.ErrorCode("InvalidNetworkAclID.NotFound", () => _ec2.CreateNetworkAclEntryAsync(Entry(foreign, 100)));
    }

    [Fact]
    public async Task A_rule_number_is_unique_per_direction()
    {
        var acl = await NewAclAsync(await NewVpcAsync());
        await _ec2.CreateNetworkAclEntryAsync(Entry(acl, 100));
        await AwsAssert.ErrorCode("NetworkAclEntryAlreadyExists", () => _ec2.CreateNetworkAclEntryAsync(Entry(acl, 100, cidr: "10.0.0.0/8")));
        await _ec2.CreateNetworkAclEntryAsync(Entry(acl, 100, egress: true));
        Assert.Equal(2, Numbered(await ReadAsync(acl)).Count());
    }

    [Fact]
    public async Task The_entry_quota_is_per_direction_and_address_family_and_counts_the_star_rule()
    {
        var acl = await NewAclAsync(await NewVpcAsync(ipv6: true));
        for (var n = 1; n <= 19; n++) await _ec2.CreateNetworkAclEntryAsync(Entry(acl, n));
        await AwsAssert.ErrorCode("NetworkAclEntryLimitExceeded", () => _ec2.CreateNetworkAclEntryAsync(Entry(acl, 20)));
        await _ec2.CreateNetworkAclEntryAsync(Entry(acl, 20, egress: true));
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 20), r => { r.CidrBlock = null; r.Ipv6CidrBlock = "::/0"; }));
        // Replacing in place stays within the quota.
        await _ec2.ReplaceNetworkAclEntryAsync(new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 19, Protocol = "-1", RuleAction = RuleAction.Deny, Egress = false, CidrBlock = "10.0.0.0/8",
        });
    }

    [Fact]
    public async Task Replace_overwrites_an_existing_entry_and_nothing_else()
    {
        var acl = await NewAclAsync(await NewVpcAsync());
        await _ec2.CreateNetworkAclEntryAsync(With(Entry(acl, 100, "6"), r => r.PortRange = new PortRange { From = 22, To = 22 }));
        await _ec2.ReplaceNetworkAclEntryAsync(new ReplaceNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 100, Protocol = "17", RuleAction = RuleAction.Deny, Egress = false, CidrBlock = "10.0.0.0/8",
            PortRange = new PortRange { From = 53, To = 53 },
        });
        var entry = Assert.Single(Numbered(await ReadAsync(acl)));
        Assert.Equal(("17", "deny", "10.0.0.0/8", 53), (entry.Protocol, entry.RuleAction.Value, entry.CidrBlock, entry.PortRange.From));

        ReplaceNetworkAclEntryRequest Replace(int number, bool egress) => new()
        {
            NetworkAclId = acl, RuleNumber = number, Protocol = "-1", RuleAction = RuleAction.Allow, Egress = egress, CidrBlock = "0.0.0.0/0",
        };
        await AwsAssert.ErrorCode("InvalidNetworkAclEntry.NotFound", () => _ec2.ReplaceNetworkAclEntryAsync(Replace(120, false)));
        await AwsAssert.ErrorCode("InvalidNetworkAclEntry.NotFound", () => _ec2.ReplaceNetworkAclEntryAsync(Replace(100, true)));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.ReplaceNetworkAclEntryAsync(Replace(32767, false)));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.ReplaceNetworkAclEntryAsync(With(Replace(100, false), r => r.Protocol = "tcp")));
        Assert.Equal("deny", Assert.Single(Numbered(await ReadAsync(acl))).RuleAction.Value);
    }

    [Fact]
    public async Task Delete_removes_one_entry_and_never_a_star_rule()
    {
        var vpc = await NewVpcAsync();
        var acl = await NewAclAsync(vpc);
        await _ec2.CreateNetworkAclEntryAsync(Entry(acl, 100));
        await _ec2.CreateNetworkAclEntryAsync(Entry(acl, 100, egress: true));
        await _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = acl, RuleNumber = 100, Egress = false });
        Assert.True(Assert.Single(Numbered(await ReadAsync(acl))).Egress);

        await AwsAssert.ErrorCode("InvalidNetworkAclEntry.NotFound", () =>
            _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = acl, RuleNumber = 100, Egress = false }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = acl, RuleNumber = 32767, Egress = true }));
        await AwsAssert.ErrorCode("InvalidNetworkAclID.NotFound", () =>
            _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = "acl-0123456789abcdef0", RuleNumber = 100, Egress = true }));
        Assert.Equal(2, (await ReadAsync(acl)).Entries.Count(e => e.RuleNumber == 32767));

        // The default ACL's allow rules are ordinary entries.
        var defaultAcl = (await DefaultAclAsync(vpc)).NetworkAclId;
        await _ec2.DeleteNetworkAclEntryAsync(new DeleteNetworkAclEntryRequest { NetworkAclId = defaultAcl, RuleNumber = 100, Egress = false });
        Assert.Equal([100], Numbered(await ReadAsync(defaultAcl)).Select(e => e.RuleNumber!.Value));
    }

    [Fact]
    public async Task Deleting_an_acl_removes_it_with_its_entries_and_tags()
    {
        var vpc = await NewVpcAsync();
        var acl = (await _ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest
        {
            VpcId = vpc, TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkAcl, Tags = [new Tag("Name", "gone")] }],
        })).NetworkAcl.NetworkAclId;
        await _ec2.CreateNetworkAclEntryAsync(Entry(acl, 100));
        await _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl });

        await AwsAssert.ErrorCode("InvalidNetworkAclID.NotFound", () => ReadAsync(acl));
        Assert.Empty((await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [acl])] })).Tags ?? []);
        await AwsAssert.ErrorCode("InvalidNetworkAclID.NotFound", () => _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl }));
        await AwsAssert.ErrorCode("InvalidNetworkAclId.Malformed", () => _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = "bogus" }));
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });
    }

    [Fact]
    public async Task The_default_acl_cannot_be_deleted()
    {
        var acl = (await DefaultAclAsync(await NewVpcAsync())).NetworkAclId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl }));
        Assert.True((await ReadAsync(acl)).IsDefault);
    }

    [Fact]
    public async Task An_associated_acl_cannot_be_deleted_until_its_subnets_go_back_to_the_default()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var acl = await NewAclAsync(vpc);
        var moved = (await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = (await AssociationOfAsync(subnet)).NetworkAclAssociationId, NetworkAclId = acl,
        })).NewAssociationId;
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl }));

        await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = moved, NetworkAclId = (await DefaultAclAsync(vpc)).NetworkAclId });
        await _ec2.DeleteNetworkAclAsync(new DeleteNetworkAclRequest { NetworkAclId = acl });
    }

    [Fact]
    public async Task Replacing_an_association_moves_the_subnet_under_a_new_association_id()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var defaultAcl = (await DefaultAclAsync(vpc)).NetworkAclId;
        var original = await AssociationOfAsync(subnet);
        Assert.Equal(defaultAcl, original.NetworkAclId);

        var acl = await NewAclAsync(vpc);
        var moved = (await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = original.NetworkAclAssociationId, NetworkAclId = acl,
        })).NewAssociationId;
        Assert.StartsWith("aclassoc-", moved);
        Assert.NotEqual(original.NetworkAclAssociationId, moved);

        var bySubnet = Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("association.subnet-id", [subnet])],
        })).NetworkAcls);
        Assert.Equal(acl, bySubnet.NetworkAclId);
        Assert.Equal((moved, acl, subnet), Assert.Single(bySubnet.Associations) is var a ? (a.NetworkAclAssociationId, a.NetworkAclId, a.SubnetId) : default);
        Assert.DoesNotContain((await ReadAsync(defaultAcl)).Associations ?? [], x => x.SubnetId == subnet);
        Assert.Equal(acl, Assert.Single((await _ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest
        {
            Filters = [new Filter("association.association-id", [moved])],
        })).NetworkAcls).NetworkAclId);

        await AwsAssert.ErrorCode("InvalidAssociationID.NotFound", () => _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest
        {
            AssociationId = original.NetworkAclAssociationId, NetworkAclId = defaultAcl,
        }));
        var back = (await _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = moved, NetworkAclId = defaultAcl })).NewAssociationId;
        Assert.NotEqual(moved, back);
        Assert.Equal((back, defaultAcl), (await AssociationOfAsync(subnet)) is var b ? (b.NetworkAclAssociationId, b.NetworkAclId) : default);
    }

    [Fact]
    public async Task A_subnet_only_moves_to_an_existing_acl_of_its_own_vpc()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var association = (await AssociationOfAsync(subnet)).NetworkAclAssociationId;
        var elsewhere = await NewAclAsync(await NewVpcAsync("10.1.0.0/16"));

        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = elsewhere }));
        await AwsAssert.ErrorCode("InvalidNetworkAclID.NotFound", () =>
            _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = "acl-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidNetworkAclId.Malformed", () =>
            _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = "bogus" }));
        await AwsAssert.ErrorCode("InvalidAssociationID.NotFound", () =>
            _ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = "aclassoc-0123456789abcdef0", NetworkAclId = elsewhere }));
        Assert.Equal(association, (await AssociationOfAsync(subnet)).NetworkAclAssociationId);
    }
}

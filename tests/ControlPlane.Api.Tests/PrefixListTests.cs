using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// Managed prefix lists through the AWS SDK on both stores: versions and their history, AWS's errors, the AWS-managed
/// lists of the region, and security group rules that name a list.
/// </summary>
public abstract class PrefixListTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : PrefixListTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : PrefixListTests(e);

    private const string S3UsEast1 = "pl-63a5400a";

    private readonly string _account = emulator.NewAccount();
    private AmazonEC2Client Ec2 => emulator.Ec2(_account);

    private static AddPrefixListEntry Entry(string cidr, string? description = null) => new() { Cidr = cidr, Description = description };

    private async Task<ManagedPrefixList> CreateAsync(string name = "corp", int maxEntries = 10, string family = "IPv4", params AddPrefixListEntry[] entries) =>
        (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = name, AddressFamily = family, MaxEntries = maxEntries, Entries = entries.ToList(),
        })).PrefixList;

    private async Task<ManagedPrefixList> ReadAsync(string id) =>
        Assert.Single((await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = [id] })).PrefixLists);

    private async Task<List<string>> EntriesAsync(string id, long? version = null) =>
        ((await Ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = id, TargetVersion = version })).Entries ?? [])
        .Select(e => e.Cidr).Order(StringComparer.Ordinal).ToList();

    private async Task<List<ManagedPrefixList>> OwnListsAsync() =>
        (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { Filters = [new Filter("owner-id", [_account])] })).PrefixLists ?? [];

    private async Task<string> NewGroupAsync()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        return (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc })).GroupId;
    }

    private static IpPermission Https(string prefixListId) => new()
    {
        IpProtocol = "tcp", FromPort = 443, ToPort = 443, PrefixListIds = [new PrefixListId { Id = prefixListId, Description = "corp" }],
    };

    [Fact]
    public async Task A_new_list_is_version_1_tagged_canonical_and_owned_by_the_caller()
    {
        var created = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "corp", AddressFamily = "IPv4", MaxEntries = 5,
            Entries = [Entry("10.1.2.3/16", "office"), Entry("192.168.0.0/24")],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.PrefixList, Tags = [new Tag("team", "net")] }],
        })).PrefixList;
        Assert.StartsWith("pl-", created.PrefixListId);
        Assert.Equal(_account, created.OwnerId);
        Assert.Equal($"arn:aws:ec2:us-east-1:{_account}:prefix-list/{created.PrefixListId}", created.PrefixListArn);
        Assert.Equal(PrefixListState.CreateInProgress, created.State);
        Assert.Equal("net", Assert.Single(created.Tags).Value);

        var read = await ReadAsync(created.PrefixListId);
        Assert.Equal(PrefixListState.CreateComplete, read.State);
        Assert.Equal(1L, read.Version);
        Assert.Equal(5, read.MaxEntries);
        Assert.Equal("IPv4", read.AddressFamily);
        Assert.Equal("corp", read.PrefixListName);
        Assert.Equal("net", Assert.Single(read.Tags).Value);

        var entries = (await Ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = created.PrefixListId })).Entries;
        Assert.Equal(["10.1.0.0/16", "192.168.0.0/24"], entries.Select(e => e.Cidr).Order(StringComparer.Ordinal));
        Assert.Equal("office", entries.Single(e => e.Cidr == "10.1.0.0/16").Description);
    }

    [Fact]
    public async Task An_ipv6_list_takes_ipv6_entries_canonicalised()
    {
        var list = await CreateAsync(family: "IPv6", entries: [Entry("2001:DB8:0:0::1/64")]);
        Assert.Equal(["2001:db8::/64"], await EntriesAsync(list.PrefixListId));
    }

    [Theory]
    [InlineData("com.amazonaws.corp", "IPv4", 5, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData("com.aws.corp", "IPv4", 5, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData("corp", "IPv5", 5, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData("corp", "IPv4", 0, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData("corp", "IPv4", 1001, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData("corp", "IPv4", 5, "2001:db8::/32", "InvalidParameterValue")]
    [InlineData("corp", "IPv6", 5, "10.0.0.0/8", "InvalidParameterValue")]
    [InlineData("corp", "IPv4", 5, "10.0.0.0/33", "InvalidParameterValue")]
    [InlineData("corp", "IPv4", 5, "10.0.0.0/8,10.1.0.0/8", "InvalidParameterValue")]
    [InlineData("corp", "IPv4", 1, "10.0.0.0/8,11.0.0.0/8", "PrefixListMaxEntriesExceeded")]
    public async Task Bad_input_is_refused_with_the_aws_code_and_creates_nothing(string name, string family, int max, string cidrs, string code)
    {
        await AwsAssert.ErrorCode(code, () => CreateAsync(name, max, family, [.. cidrs.Split(',').Select(c => Entry(c))]));
        Assert.Empty(await OwnListsAsync());
    }

    [Fact]
    public async Task Only_the_dotted_aws_name_prefixes_are_reserved()
    {
        var list = await CreateAsync("com.amazonaws-corp");
        Assert.Equal("com.amazonaws-corp", list.PrefixListName);
    }

    [Fact]
    public async Task Dry_run_checks_and_creates_nothing()
    {
        await AwsAssert.ErrorCode("DryRunOperation", () => Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "corp", AddressFamily = "IPv4", MaxEntries = 5, DryRun = true,
        }));
        Assert.Empty(await OwnListsAsync());
    }

    [Fact]
    public async Task Every_entry_change_is_a_new_version_and_earlier_versions_stay_readable()
    {
        var list = await CreateAsync(entries: [Entry("10.0.0.0/8"), Entry("172.16.0.0/12")]);
        var id = list.PrefixListId;

        var added = (await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = id, CurrentVersion = 1, AddEntries = [Entry("192.168.0.0/16", "lab")],
        })).PrefixList;
        Assert.Equal(2L, added.Version);
        Assert.Equal(PrefixListState.ModifyInProgress, added.State);

        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = id, CurrentVersion = 2, RemoveEntries = [new RemovePrefixListEntry { Cidr = "10.0.0.0/8" }],
        });
        // Renaming and resizing keep the version.
        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = id, PrefixListName = "corp-v2" });
        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = id, MaxEntries = 20 });

        var read = await ReadAsync(id);
        Assert.Equal(3L, read.Version);
        Assert.Equal("corp-v2", read.PrefixListName);
        Assert.Equal(20, read.MaxEntries);
        Assert.Equal(PrefixListState.ModifyComplete, read.State);
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12"], await EntriesAsync(id, 1));
        Assert.Equal(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], await EntriesAsync(id, 2));
        Assert.Equal(["172.16.0.0/12", "192.168.0.0/16"], await EntriesAsync(id, 3));
        Assert.Equal(["172.16.0.0/12", "192.168.0.0/16"], await EntriesAsync(id));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => EntriesAsync(id, 4));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => EntriesAsync(id, 0));
    }

    [Fact]
    public async Task A_stale_current_version_is_refused_and_changes_nothing()
    {
        var list = await CreateAsync(entries: [Entry("10.0.0.0/8")]);
        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = list.PrefixListId, CurrentVersion = 1, AddEntries = [Entry("11.0.0.0/8")] });

        await AwsAssert.ErrorCode("PrefixListVersionMismatch", () => Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId, CurrentVersion = 1, AddEntries = [Entry("12.0.0.0/8")],
        }));
        Assert.Equal(2L, (await ReadAsync(list.PrefixListId)).Version);
        Assert.Equal(["10.0.0.0/8", "11.0.0.0/8"], await EntriesAsync(list.PrefixListId));
    }

    private static ModifyManagedPrefixListRequest BadModification(string kind) => kind switch
    {
        "add-existing" => new() { AddEntries = [Entry("10.0.0.0/8")] },
        "remove-absent" => new() { RemoveEntries = [new RemovePrefixListEntry { Cidr = "12.0.0.0/8" }] },
        "add-and-remove" => new() { AddEntries = [Entry("10.0.0.0/8", "new")], RemoveEntries = [new RemovePrefixListEntry { Cidr = "10.0.0.0/8" }] },
        "over-max" => new() { AddEntries = [Entry("12.0.0.0/8"), Entry("13.0.0.0/8")] },
        "entries-and-size" => new() { AddEntries = [Entry("12.0.0.0/8")], MaxEntries = 5 },
        "shrink-below-entries" => new() { MaxEntries = 1 },
        "wrong-family" => new() { AddEntries = [Entry("2001:db8::/32")] },
        "same-cidr-twice" => new() { AddEntries = [Entry("12.0.0.0/8"), Entry("12.0.0.1/8")] },
        "reserved-name" => new() { PrefixListName = "com.amazon.corp" },
        "too-many-changes" => new() { AddEntries = Enumerable.Range(0, 101).Select(i => Entry($"10.{i}.0.0/16")).ToList() },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("add-existing", "InvalidPrefixListModification")]
    [InlineData("remove-absent", "InvalidPrefixListModification")]
    [InlineData("add-and-remove", "InvalidPrefixListModification")]
    [InlineData("over-max", "PrefixListMaxEntriesExceeded")]
    [InlineData("entries-and-size", "InvalidParameterCombination")]
    [InlineData("shrink-below-entries", "InvalidParameterValue")]
    [InlineData("wrong-family", "InvalidParameterValue")]
    [InlineData("same-cidr-twice", "InvalidParameterValue")]
    [InlineData("reserved-name", "InvalidParameterValue")]
    [InlineData("too-many-changes", "InvalidParameterValue")]
    public async Task A_bad_modification_is_refused_with_the_aws_code_and_changes_nothing(string kind, string code)
    {
        var list = await CreateAsync(maxEntries: 3, entries: [Entry("10.0.0.0/8"), Entry("11.0.0.0/8")]);
        var request = BadModification(kind);
        request.PrefixListId = list.PrefixListId;
        await AwsAssert.ErrorCode(code, () => Ec2.ModifyManagedPrefixListAsync(request));

        var read = await ReadAsync(list.PrefixListId);
        Assert.Equal(1L, read.Version);
        Assert.Equal(3, read.MaxEntries);
        Assert.Equal("corp", read.PrefixListName);
        Assert.Equal(["10.0.0.0/8", "11.0.0.0/8"], await EntriesAsync(list.PrefixListId));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_get_their_aws_codes()
    {
        const string missing = "pl-0123456789abcdef0";
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => ReadAsync(missing));
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => EntriesAsync(missing));
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = missing, PrefixListName = "x" }));
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = missing }));
        await AwsAssert.ErrorCode("InvalidPrefixListId.Malformed", () => ReadAsync("sg-12345678"));
        await AwsAssert.ErrorCode("InvalidPrefixListId.Malformed", () => Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = "pl-xyz" }));
    }

    [Fact]
    public async Task Describe_filters_by_name_owner_and_tag_and_pages()
    {
        var a = await CreateAsync("alpha");
        var b = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "beta", AddressFamily = "IPv4", MaxEntries = 1,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.PrefixList, Tags = [new Tag("env", "prod")] }],
        })).PrefixList;

        var byName = (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { Filters = [new Filter("prefix-list-name", ["alp*"])] })).PrefixLists;
        Assert.Equal(a.PrefixListId, Assert.Single(byName).PrefixListId);
        var byTag = (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { Filters = [new Filter("tag:env", ["prod"])] })).PrefixLists;
        Assert.Equal(b.PrefixListId, Assert.Single(byTag).PrefixListId);

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { MaxResults = 1, NextToken = token });
            seen.AddRange(page.PrefixLists.Select(l => l.PrefixListId));
            token = page.NextToken;
        } while (token is not null);
        Assert.Contains(a.PrefixListId, seen);
        Assert.Contains(b.PrefixListId, seen);
        Assert.Contains(S3UsEast1, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());

        await AwsAssert.ErrorCode("InvalidParameterValue", () => Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { Filters = [new Filter("vpc-id", ["x"])] }));
    }

    [Fact]
    public async Task Entries_page_in_order()
    {
        var list = await CreateAsync(entries: [.. Enumerable.Range(1, 5).Select(i => Entry($"10.{i}.0.0/16"))]);
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = list.PrefixListId, MaxResults = 2, NextToken = token });
            seen.AddRange(page.Entries.Select(e => e.Cidr));
            token = page.NextToken;
            pages++;
        } while (token is not null);
        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_region_has_read_only_aws_managed_lists()
    {
        var managed = (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { Filters = [new Filter("owner-id", ["AWS"])] })).PrefixLists;
        var s3 = managed.Single(l => l.PrefixListName == "com.amazonaws.us-east-1.s3");
        Assert.Equal(S3UsEast1, s3.PrefixListId);
        Assert.Contains(managed, l => l.PrefixListName == "com.amazonaws.us-east-1.dynamodb");
        Assert.Contains(managed, l => l.PrefixListName == "com.amazonaws.global.cloudfront.origin-facing");
        Assert.Equal("arn:aws:ec2:us-east-1:aws:prefix-list/pl-63a5400a", s3.PrefixListArn);
        Assert.NotEmpty(await EntriesAsync(S3UsEast1));

        await AwsAssert.ErrorCode("UnsupportedOperation", () => Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = S3UsEast1, PrefixListName = "mine" }));
        await AwsAssert.ErrorCode("UnsupportedOperation", () => Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = S3UsEast1 }));

        var legacy = (await Ec2.DescribePrefixListsAsync(new DescribePrefixListsRequest())).PrefixLists;
        Assert.Equal(["com.amazonaws.us-east-1.dynamodb", "com.amazonaws.us-east-1.s3"], legacy.Select(l => l.PrefixListName).Order(StringComparer.Ordinal));
        Assert.NotEmpty(legacy.Single(l => l.PrefixListId == S3UsEast1).Cidrs);
        var byName = (await Ec2.DescribePrefixListsAsync(new DescribePrefixListsRequest { Filters = [new Filter("prefix-list-name", ["*.dynamodb"])] })).PrefixLists;
        Assert.Single(byName);
    }

    [Fact]
    public async Task Each_region_has_its_own_stable_aws_managed_ids()
    {
        var west = emulator.Ec2(_account, "eu-west-1");
        var first = (await west.DescribePrefixListsAsync(new DescribePrefixListsRequest { Filters = [new Filter("prefix-list-name", ["com.amazonaws.eu-west-1.s3"])] })).PrefixLists;
        var again = (await west.DescribePrefixListsAsync(new DescribePrefixListsRequest())).PrefixLists;
        var id = Assert.Single(first).PrefixListId;
        Assert.Matches("^pl-[0-9a-f]{8}$", id);
        Assert.NotEqual(S3UsEast1, id);
        Assert.Contains(again, l => l.PrefixListId == id);
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => west.DescribePrefixListsAsync(new DescribePrefixListsRequest { PrefixListIds = [S3UsEast1] }));
    }

    [Fact]
    public async Task Lists_belong_to_their_account()
    {
        var list = await CreateAsync();
        var other = emulator.Ec2();
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => other.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest { PrefixListIds = [list.PrefixListId] }));
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => other.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = list.PrefixListId }));
    }

    [Fact]
    public async Task Delete_removes_the_list_its_entries_and_tags()
    {
        var list = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "gone", AddressFamily = "IPv4", MaxEntries = 2, Entries = [Entry("10.0.0.0/8")],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.PrefixList, Tags = [new Tag("k", "v")] }],
        })).PrefixList;
        var deleted = (await Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = list.PrefixListId })).PrefixList;
        Assert.Equal(PrefixListState.DeleteInProgress, deleted.State);

        Assert.Empty(await OwnListsAsync());
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => EntriesAsync(list.PrefixListId));
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = list.PrefixListId }));
        var tags = (await Ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [list.PrefixListId])] })).Tags;
        Assert.Empty(tags ?? []);
    }

    [Fact]
    public async Task The_prefix_list_quota_is_per_region()
    {
        for (var i = 0; i < 100; i++) await CreateAsync($"list-{i}", maxEntries: 1);
        await AwsAssert.ErrorCode("PrefixListLimitExceeded", () => CreateAsync("one-too-many", maxEntries: 1));
        await emulator.Ec2(_account, "eu-west-1").CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "elsewhere", AddressFamily = "IPv4", MaxEntries = 1,
        });
    }

    [Fact]
    public async Task A_security_group_rule_can_name_a_customer_list_which_then_cannot_be_deleted()
    {
        var group = await NewGroupAsync();
        var list = await CreateAsync(entries: [Entry("10.0.0.0/8")]);
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [Https(list.PrefixListId)] });

        var read = Assert.Single((await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups);
        Assert.Equal(list.PrefixListId, Assert.Single(Assert.Single(read.IpPermissions).PrefixListIds).Id);

        await AwsAssert.ErrorCode("DependencyViolation", () => Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = list.PrefixListId }));
        await ReadAsync(list.PrefixListId);

        await Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [Https(list.PrefixListId)] });
        await Ec2.DeleteManagedPrefixListAsync(new DeleteManagedPrefixListRequest { PrefixListId = list.PrefixListId });
    }

    [Fact]
    public async Task A_rule_naming_a_list_that_does_not_exist_is_refused()
    {
        var group = await NewGroupAsync();
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group, IpPermissions = [Https("pl-0123456789abcdef0")],
        }));
        await AwsAssert.ErrorCode("InvalidPrefixListId.Malformed", () => Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest
        {
            GroupId = group, IpPermissions = [Https("prefix-1")],
        }));
        var otherAccountsList = (await emulator.Ec2().CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "theirs", AddressFamily = "IPv4", MaxEntries = 1,
        })).PrefixList.PrefixListId;
        await AwsAssert.ErrorCode("InvalidPrefixListID.NotFound", () => Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group, IpPermissions = [Https(otherAccountsList)],
        }));
        Assert.Empty(Assert.Single((await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups).IpPermissions ?? []);
    }

    [Fact]
    public async Task A_rule_can_name_an_aws_managed_list_of_the_region()
    {
        var group = await NewGroupAsync();
        await Ec2.AuthorizeSecurityGroupEgressAsync(new AuthorizeSecurityGroupEgressRequest { GroupId = group, IpPermissions = [Https(S3UsEast1)] });
        var read = Assert.Single((await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] })).SecurityGroups);
        Assert.Contains(read.IpPermissionsEgress, p => p.PrefixListIds?.Any(l => l.Id == S3UsEast1) == true);
    }

    [Fact]
    public async Task A_list_grows_only_as_far_as_the_groups_naming_it_can_take()
    {
        var group = await NewGroupAsync();
        var list = await CreateAsync(maxEntries: 10);
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [Https(list.PrefixListId)] });

        // The list's rule counts as its 60 entries: the whole inbound quota, which still holds.
        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = list.PrefixListId, MaxEntries = 60 });
        await AwsAssert.ErrorCode("InvalidPrefixListModification", () =>
            Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest { PrefixListId = list.PrefixListId, MaxEntries = 61 }));
        Assert.Equal(60, (await ReadAsync(list.PrefixListId)).MaxEntries);
    }

    [Fact]
    public async Task A_rule_naming_a_prefix_list_counts_its_max_entries_toward_the_rule_quota()
    {
        var list = await CreateAsync("big", maxEntries: 60);
        var group = await NewGroupAsync();
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest { GroupId = group, IpPermissions = [Https(list.PrefixListId)] });
        await AwsAssert.ErrorCode("RulesPerSecurityGroupLimitExceeded", () => Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = group,
            IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/8" }] }],
        }));
    }

    [Fact]
    public async Task A_retry_with_the_same_client_token_answers_the_list_the_first_call_created()
    {
        CreateManagedPrefixListRequest Request(string name) => new() { PrefixListName = name, AddressFamily = "IPv4", MaxEntries = 5, ClientToken = "retry-1" };
        var first = (await Ec2.CreateManagedPrefixListAsync(Request("corp"))).PrefixList;
        var again = (await Ec2.CreateManagedPrefixListAsync(Request("corp"))).PrefixList;

        Assert.Equal(first.PrefixListId, again.PrefixListId);
        Assert.Single(await OwnListsAsync());
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", () => Ec2.CreateManagedPrefixListAsync(Request("other")));
        Assert.Single(await OwnListsAsync());
    }
}

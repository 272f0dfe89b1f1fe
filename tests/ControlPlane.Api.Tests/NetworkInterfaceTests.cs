using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// Network interfaces through the AWS SDK on both stores: addresses from the subnet (never reserved, never twice, even
/// under parallel creates), groups of the interface's VPC, attributes, secondary addresses, attachments and the
/// dependencies that keep subnets and groups alive.
/// </summary>
public abstract class NetworkInterfaceTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : NetworkInterfaceTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : NetworkInterfaceTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync(bool ipv6 = false) =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = ipv6 })).Vpc.VpcId;

    private async Task<Subnet> NewSubnetAsync(string vpc, string cidr = "10.0.1.0/24", bool ipv6 = false)
    {
        string? block = null;
        if (ipv6)
        {
            var vpcBlock = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [vpc] })).Vpcs).Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock;
            block = vpcBlock.Replace("/56", "/64", StringComparison.Ordinal);
        }
        return (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, Ipv6CidrBlock = block })).Subnet;
    }

    private async Task<string> NewGroupAsync(string vpc, string name) =>
        (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = name, Description = name, VpcId = vpc })).GroupId;

    private async Task<NetworkInterface> CreateAsync(string subnet, Action<CreateNetworkInterfaceRequest>? configure = null)
    {
        var request = new CreateNetworkInterfaceRequest { SubnetId = subnet };
        configure?.Invoke(request);
        return (await _ec2.CreateNetworkInterfaceAsync(request)).NetworkInterface;
    }

    private async Task<NetworkInterface> ReadAsync(string id) =>
        Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] })).NetworkInterfaces);

    private async Task<List<NetworkInterface>> InSubnetAsync(string subnet) =>
        (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("subnet-id", [subnet])] })).NetworkInterfaces ?? [];

    private static List<string> Addresses(NetworkInterface eni) => (eni.PrivateIpAddresses ?? []).Select(p => p.PrivateIpAddress).ToList();

    /// <summary>An address of an IPv6 block with the given last byte, spelled out in full and in AWS's canonical form.</summary>
    private static (string Spelled, string Canonical) Host(string block, byte last)
    {
        var bytes = System.Net.IPAddress.Parse(block[..block.IndexOf('/')]).GetAddressBytes();
        bytes[15] = last;
        var spelled = string.Join(':', Enumerable.Range(0, 8).Select(i => $"{bytes[2 * i]:X2}{bytes[2 * i + 1]:X2}"));
        return (spelled, new System.Net.IPAddress(bytes).ToString());
    }

    private static bool InBlock(string address, string block) =>
        System.Net.IPAddress.Parse(address).GetAddressBytes().Take(8).SequenceEqual(System.Net.IPAddress.Parse(block[..block.IndexOf('/')]).GetAddressBytes().Take(8));

    private async Task<int?> AvailableAsync(string subnet) =>
        Assert.Single((await _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet] })).Subnets).AvailableIpAddressCount;

    [Fact]
    public async Task A_new_interface_takes_the_lowest_free_address_and_the_default_group_and_reads_as_AWS_shows_it()
    {
        var vpc = await NewVpcAsync();
        var subnet = await NewSubnetAsync(vpc);
        var created = await CreateAsync(subnet.SubnetId, r => r.Description = "app");
        Assert.StartsWith("eni-", created.NetworkInterfaceId);
        Assert.Equal("pending", created.Status.Value);

        var eni = await ReadAsync(created.NetworkInterfaceId);
        Assert.Equal("available", eni.Status.Value);
        Assert.Equal("10.0.1.4", eni.PrivateIpAddress);
        Assert.Equal("ip-10-0-1-4.ec2.internal", eni.PrivateDnsName);
        var address = Assert.Single(eni.PrivateIpAddresses);
        Assert.True(address.Primary);
        Assert.Equal("ip-10-0-1-4.ec2.internal", address.PrivateDnsName);
        var group = Assert.Single(eni.Groups);
        Assert.Equal("default", group.GroupName);
        Assert.Equal(vpc, eni.VpcId);
        Assert.Equal(subnet.SubnetId, eni.SubnetId);
        Assert.Equal(subnet.AvailabilityZone, eni.AvailabilityZone);
        Assert.Equal(subnet.OwnerId, eni.OwnerId);
        Assert.Equal("app", eni.Description);
        Assert.Equal("interface", eni.InterfaceType.Value);
        Assert.False(eni.RequesterManaged);
        Assert.True(eni.SourceDestCheck);
        Assert.Matches("^0e(:[0-9a-f]{2}){5}$", eni.MacAddress);
        Assert.Null(eni.Attachment);
        Assert.Empty(eni.Ipv6Addresses ?? []);
        Assert.Equal(250, await AvailableAsync(subnet.SubnetId));
    }

    [Fact]
    public async Task Requested_addresses_are_honoured_with_the_marked_primary_first()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync())).SubnetId;
        // Terraform's shape: PrivateIpAddresses.1.Primary=true, then the secondaries.
        var listed = await CreateAsync(subnet, r => r.PrivateIpAddresses =
        [
            new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.50", Primary = true },
            new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.60" },
        ]);
        Assert.Equal("10.0.1.50", listed.PrivateIpAddress);
        Assert.Equal(["10.0.1.50", "10.0.1.60"], Addresses(await ReadAsync(listed.NetworkInterfaceId)));

        var counted = await CreateAsync(subnet, r => { r.PrivateIpAddress = "10.0.1.70"; r.SecondaryPrivateIpAddressCount = 2; });
        Assert.Equal(["10.0.1.70", "10.0.1.4", "10.0.1.5"], Addresses(await ReadAsync(counted.NetworkInterfaceId)));

        var markedWithoutAddress = await CreateAsync(subnet, r => r.PrivateIpAddresses = [new PrivateIpAddressSpecification { Primary = true }]);
        Assert.Equal("10.0.1.6", markedWithoutAddress.PrivateIpAddress);
        Assert.Equal(251 - 6, await AvailableAsync(subnet));
    }

    [Theory]
    [InlineData("10.0.1.9", "InvalidIPAddress.InUse")]
    [InlineData("10.0.2.9", "InvalidParameterValue")]
    [InlineData("10.0.1.0", "InvalidParameterValue")]
    [InlineData("10.0.1.1", "InvalidParameterValue")]
    [InlineData("10.0.1.2", "InvalidParameterValue")]
    [InlineData("10.0.1.3", "InvalidParameterValue")]
    [InlineData("10.0.1.255", "InvalidParameterValue")]
    [InlineData("10.0.1.300", "InvalidParameterValue")]
    [InlineData("2001:db8::9", "InvalidParameterValue")]
    public async Task A_requested_address_must_be_free_usable_and_in_the_subnet(string address, string code)
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync())).SubnetId;
        await CreateAsync(subnet, r => r.PrivateIpAddress = "10.0.1.9");
        await AwsAssert.ErrorCode(code, () => CreateAsync(subnet, r => r.PrivateIpAddress = address));
        await AwsAssert.ErrorCode(code, () => CreateAsync(subnet, r => r.PrivateIpAddresses =
            [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.20", Primary = true }, new PrivateIpAddressSpecification { PrivateIpAddress = address }]));
        Assert.Single(await InSubnetAsync(subnet));
    }

    [Fact]
    public async Task Two_primaries_are_refused()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync())).SubnetId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () => CreateAsync(subnet, r =>
        {
            r.PrivateIpAddress = "10.0.1.10";
            r.PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.11", Primary = true }];
        }));
        await AwsAssert.ErrorCode("InvalidSubnetID.NotFound", () => CreateAsync("subnet-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidSubnetID.Malformed", () => CreateAsync("vpc-0123456789abcdef0"));
        Assert.Empty(await InSubnetAsync(subnet));
    }

    [Fact]
    public async Task Under_eight_parallel_creates_a_28_hands_out_its_eleven_addresses_once_each_and_then_runs_out()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync(), "10.0.1.16/28")).SubnetId;
        using var gate = new SemaphoreSlim(8);
        var attempts = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            await gate.WaitAsync();
            try { return (Eni: await CreateAsync(subnet), Error: (string?)null); }
            catch (AmazonEC2Exception e) { return (Eni: (NetworkInterface?)null, Error: e.ErrorCode); }
            finally { gate.Release(); }
        }));

        Assert.Equal("InsufficientFreeAddressesInSubnet", Assert.Single(attempts, a => a.Error is not null).Error);
        var given = attempts.Where(a => a.Eni is not null).Select(a => a.Eni!.PrivateIpAddress).ToList();
        Assert.Equal(11, given.Distinct().Count());
        Assert.Equal(Enumerable.Range(20, 11).Select(i => $"10.0.1.{i}").Order(), given.Order());
        Assert.Equal(0, await AvailableAsync(subnet));
        await AwsAssert.ErrorCode("InsufficientFreeAddressesInSubnet", () => CreateAsync(subnet));
    }

    [Fact]
    public async Task Groups_keep_their_order_and_must_exist_in_the_interfaces_vpc()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await NewSubnetAsync(vpc)).SubnetId;
        var web = await NewGroupAsync(vpc, "web");
        var app = await NewGroupAsync(vpc, "app");
        var eni = await ReadAsync((await CreateAsync(subnet, r => r.Groups = [app, web])).NetworkInterfaceId);
        Assert.Equal([app, web], eni.Groups.Select(g => g.GroupId));
        Assert.Equal(["app", "web"], eni.Groups.Select(g => g.GroupName));

        var elsewhere = await NewGroupAsync(await NewVpcAsync(), "other");
        await AwsAssert.ErrorCode("InvalidParameter", () => CreateAsync(subnet, r => r.Groups = [web, elsewhere]));
        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => CreateAsync(subnet, r => r.Groups = ["sg-0123456789abcdef0"]));
        await AwsAssert.ErrorCode("InvalidGroupId.Malformed", () => CreateAsync(subnet, r => r.Groups = ["web"]));
        var six = new List<string>();
        for (var i = 0; i < 6; i++) six.Add(await NewGroupAsync(vpc, $"g{i}"));
        await AwsAssert.ErrorCode("SecurityGroupsPerInterfaceLimitExceeded", () => CreateAsync(subnet, r => r.Groups = six));
        await CreateAsync(subnet, r => r.Groups = six.Take(5).ToList());
        Assert.Equal(2, (await InSubnetAsync(subnet)).Count);
    }

    [Fact]
    public async Task IPv6_addresses_come_from_the_subnets_64()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var subnet = await NewSubnetAsync(vpc, ipv6: true);
        var block = subnet.Ipv6CidrBlockAssociationSet[0].Ipv6CidrBlock;
        var counted = await ReadAsync((await CreateAsync(subnet.SubnetId, r => r.Ipv6AddressCount = 2)).NetworkInterfaceId);
        Assert.Equal(2, counted.Ipv6Addresses.Count);
        Assert.All(counted.Ipv6Addresses, a => Assert.True(InBlock(a.Ipv6Address, block)));

        var (wanted, canonical) = Host(block, 0xAB);
        var given = await ReadAsync((await CreateAsync(subnet.SubnetId, r => r.Ipv6Addresses = [new InstanceIpv6Address { Ipv6Address = wanted }])).NetworkInterfaceId);
        Assert.Equal(canonical, Assert.Single(given.Ipv6Addresses).Ipv6Address);
        await AwsAssert.ErrorCode("InvalidIPAddress.InUse", () => CreateAsync(subnet.SubnetId, r => r.Ipv6Addresses = [new InstanceIpv6Address { Ipv6Address = canonical }]));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => CreateAsync(subnet.SubnetId, r => r.Ipv6Addresses = [new InstanceIpv6Address { Ipv6Address = Host(block, 2).Canonical }]));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => CreateAsync(subnet.SubnetId, r => r.Ipv6Addresses = [new InstanceIpv6Address { Ipv6Address = "2001:db8::10" }]));

        var assigned = await _ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = given.NetworkInterfaceId, Ipv6AddressCount = 1 });
        var extra = Assert.Single(assigned.AssignedIpv6Addresses);
        Assert.Equal(2, (await ReadAsync(given.NetworkInterfaceId)).Ipv6Addresses.Count);
        var unassigned = await _ec2.UnassignIpv6AddressesAsync(new UnassignIpv6AddressesRequest { NetworkInterfaceId = given.NetworkInterfaceId, Ipv6Addresses = [extra] });
        Assert.Equal([extra], unassigned.UnassignedIpv6Addresses);
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.UnassignIpv6AddressesAsync(new UnassignIpv6AddressesRequest { NetworkInterfaceId = given.NetworkInterfaceId, Ipv6Addresses = [extra] }));
        Assert.Single((await ReadAsync(given.NetworkInterfaceId)).Ipv6Addresses);

        // A subnet that assigns IPv6 on creation gives each new interface one address, unless the count says 0.
        await _ec2.ModifySubnetAttributeAsync(new ModifySubnetAttributeRequest { SubnetId = subnet.SubnetId, AssignIpv6AddressOnCreation = true });
        Assert.Single((await ReadAsync((await CreateAsync(subnet.SubnetId)).NetworkInterfaceId)).Ipv6Addresses);
        Assert.Empty((await ReadAsync((await CreateAsync(subnet.SubnetId, r => r.Ipv6AddressCount = 0)).NetworkInterfaceId)).Ipv6Addresses ?? []);

        var v4Only = (await NewSubnetAsync(vpc, "10.0.2.0/24")).SubnetId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () => CreateAsync(v4Only, r => r.Ipv6AddressCount = 1));
        var plain = await CreateAsync(v4Only);
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.AssignIpv6AddressesAsync(new AssignIpv6AddressesRequest { NetworkInterfaceId = plain.NetworkInterfaceId, Ipv6AddressCount = 1 }));
    }

    [Fact]
    public async Task Describe_filters_pages_and_names_what_it_cannot_find()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await NewSubnetAsync(vpc)).SubnetId;
        var other = (await NewSubnetAsync(vpc, "10.0.2.0/24")).SubnetId;
        var web = await NewGroupAsync(vpc, "web");
        var tagged = await CreateAsync(subnet, r =>
        {
            r.Groups = [web];
            r.Description = "tagged one";
            r.SecondaryPrivateIpAddressCount = 1;
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag("Name", "api")] }];
        });
        Assert.Equal("api", Assert.Single(tagged.TagSet).Value);
        for (var i = 0; i < 6; i++) await CreateAsync(other);

        async Task<List<string>> Find(params Filter[] filters) =>
            ((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [.. filters] })).NetworkInterfaces ?? [])
            .Select(n => n.NetworkInterfaceId).ToList();

        var id = tagged.NetworkInterfaceId;
        Assert.Equal([id], await Find(new Filter("group-id", [web])));
        Assert.Equal([id], await Find(new Filter("group-name", ["web"])));
        Assert.Equal([id], await Find(new Filter("subnet-id", [subnet])));
        Assert.Equal([id], await Find(new Filter("tag:Name", ["api"])));
        Assert.Equal([id], await Find(new Filter("description", ["tagged*"])));
        Assert.Equal([id], await Find(new Filter("private-ip-address", ["10.0.1.5"])));
        Assert.Equal([id], await Find(new Filter("addresses.private-ip-address", ["10.0.1.5"]), new Filter("vpc-id", [vpc])));
        Assert.Equal([id], await Find(new Filter("network-interface-id", [id]), new Filter("status", ["available"])));
        Assert.Equal(7, (await Find(new Filter("vpc-id", [vpc]), new Filter("requester-managed", ["false"]), new Filter("interface-type", ["interface"]))).Count);
        Assert.Empty(await Find(new Filter("attachment.instance-id", ["i-0123456789abcdef0"])));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => Find(new Filter("bogus", ["x"])));

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { MaxResults = 5, NextToken = token, Filters = [new Filter("vpc-id", [vpc])] });
            seen.AddRange(page.NetworkInterfaces.Select(n => n.NetworkInterfaceId));
            token = page.NextToken;
        } while (token is not null);
        Assert.Equal(7, seen.Distinct().Count());

        await AwsAssert.ErrorCode("InvalidParameterCombination", () => _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id], MaxResults = 5 }));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () => ReadAsync("eni-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.Malformed", () => ReadAsync("sg-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () => emulator.Ec2().DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] }));
    }

    [Fact]
    public async Task Deleting_frees_the_addresses_and_the_tags()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync())).SubnetId;
        var eni = await CreateAsync(subnet, r =>
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag("Name", "gone")] }]);
        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () => ReadAsync(eni.NetworkInterfaceId));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () =>
            _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        var tags = await _ec2.DescribeTagsAsync(new DescribeTagsRequest { Filters = [new Filter("resource-id", [eni.NetworkInterfaceId])] });
        Assert.Empty(tags.Tags ?? []);
        Assert.Equal(251, await AvailableAsync(subnet));
        Assert.Equal(eni.PrivateIpAddress, (await CreateAsync(subnet)).PrivateIpAddress);
    }

    [Fact]
    public async Task An_interface_keeps_its_subnet_and_groups_until_it_is_deleted()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await NewSubnetAsync(vpc)).SubnetId;
        var web = await NewGroupAsync(vpc, "web");
        var eni = await CreateAsync(subnet, r => r.Groups = [web]);

        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = web }));
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));

        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = web });
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });
    }

    [Fact]
    public async Task Modify_changes_one_attribute_per_call_and_the_group_set_as_a_whole()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await NewSubnetAsync(vpc)).SubnetId;
        var web = await NewGroupAsync(vpc, "web");
        var app = await NewGroupAsync(vpc, "app");
        var id = (await CreateAsync(subnet, r => r.Groups = [web])).NetworkInterfaceId;

        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Groups = [app, web] });
        Assert.Equal([app, web], (await ReadAsync(id)).Groups.Select(g => g.GroupId));
        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Groups = [web] });
        Assert.Equal([web], (await ReadAsync(id)).Groups.Select(g => g.GroupId));
        await _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = app });

        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Description = "renamed" });
        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, SourceDestCheck = false });
        var eni = await ReadAsync(id);
        Assert.Equal("renamed", eni.Description);
        Assert.False(eni.SourceDestCheck);

        await AwsAssert.ErrorCode("InvalidParameterCombination", () => _ec2.ModifyNetworkInterfaceAttributeAsync(
            new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Description = "x", SourceDestCheck = true }));
        await AwsAssert.ErrorCode("MissingParameter", () => _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id }));
        await AwsAssert.ErrorCode("InvalidAttachmentID.NotFound", () => _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
        {
            NetworkInterfaceId = id, Attachment = new NetworkInterfaceAttachmentChanges { AttachmentId = "eni-attach-0123456789abcdef0", DeleteOnTermination = true },
        }));
        var elsewhere = await NewGroupAsync(await NewVpcAsync(), "other");
        await AwsAssert.ErrorCode("InvalidParameter", () => _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Groups = [elsewhere] }));
        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Groups = ["sg-0123456789abcdef0"] }));
        var six = new List<string>();
        for (var i = 0; i < 6; i++) six.Add(await NewGroupAsync(vpc, $"g{i}"));
        await AwsAssert.ErrorCode("SecurityGroupsPerInterfaceLimitExceeded", () => _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Groups = six }));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () => _ec2.ModifyNetworkInterfaceAttributeAsync(
            new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = "eni-0123456789abcdef0", Description = "x" }));
        Assert.Equal([web], (await ReadAsync(id)).Groups.Select(g => g.GroupId));
    }

    [Fact]
    public async Task Attributes_read_one_at_a_time_and_reset_turns_the_source_dest_check_back_on()
    {
        var vpc = await NewVpcAsync();
        var web = await NewGroupAsync(vpc, "web");
        var id = (await CreateAsync((await NewSubnetAsync(vpc)).SubnetId, r => { r.Groups = [web]; r.Description = "d"; })).NetworkInterfaceId;
        Task<DescribeNetworkInterfaceAttributeResponse> Read(string attribute) =>
            _ec2.DescribeNetworkInterfaceAttributeAsync(new DescribeNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, Attribute = attribute });

        Assert.Equal("d", (await Read("description")).Description);
        Assert.Equal("web", Assert.Single((await Read("groupSet")).Groups).GroupName);
        Assert.True((await Read("sourceDestCheck")).SourceDestCheck);
        Assert.Null((await Read("attachment")).Attachment);
        Assert.False((await Read("associatePublicIpAddress")).AssociatePublicIpAddress);
        await AwsAssert.ErrorCode("InvalidParameterValue", () => Read("mtu"));

        await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, SourceDestCheck = false });
        Assert.False((await Read("sourceDestCheck")).SourceDestCheck);
        await _ec2.ResetNetworkInterfaceAttributeAsync(new ResetNetworkInterfaceAttributeRequest { NetworkInterfaceId = id, SourceDestCheck = "sourceDestCheck" });
        Assert.True((await Read("sourceDestCheck")).SourceDestCheck);
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () =>
            _ec2.ResetNetworkInterfaceAttributeAsync(new ResetNetworkInterfaceAttributeRequest { NetworkInterfaceId = "eni-0123456789abcdef0", SourceDestCheck = "sourceDestCheck" }));
    }

    [Fact]
    public async Task Secondary_addresses_are_assigned_and_unassigned_but_the_primary_stays()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync(), "10.0.1.0/28")).SubnetId;
        var first = (await CreateAsync(subnet)).NetworkInterfaceId;
        var second = (await CreateAsync(subnet)).NetworkInterfaceId;

        var counted = await _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = first, SecondaryPrivateIpAddressCount = 2 });
        Assert.Equal(["10.0.1.6", "10.0.1.7"], counted.AssignedPrivateIpAddresses.Select(a => a.PrivateIpAddress));
        await _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = first, PrivateIpAddresses = ["10.0.1.12"] });
        Assert.Equal(["10.0.1.4", "10.0.1.6", "10.0.1.7", "10.0.1.12"], Addresses(await ReadAsync(first)));

        await AwsAssert.ErrorCode("InvalidIPAddress.InUse", () =>
            _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = second, PrivateIpAddresses = ["10.0.1.12"] }));
        await _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = second, PrivateIpAddresses = ["10.0.1.12"], AllowReassignment = true });
        Assert.Equal(["10.0.1.5", "10.0.1.12"], Addresses(await ReadAsync(second)));
        Assert.DoesNotContain("10.0.1.12", Addresses(await ReadAsync(first)));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = second, PrivateIpAddresses = ["10.0.1.4"], AllowReassignment = true }));

        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = first, PrivateIpAddresses = ["10.0.1.4"] }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = first, PrivateIpAddresses = ["10.0.1.12"] }));
        await _ec2.UnassignPrivateIpAddressesAsync(new UnassignPrivateIpAddressesRequest { NetworkInterfaceId = first, PrivateIpAddresses = ["10.0.1.6", "10.0.1.7"] });
        Assert.Equal(["10.0.1.4"], Addresses(await ReadAsync(first)));

        await AwsAssert.ErrorCode("InvalidParameterCombination", () => _ec2.AssignPrivateIpAddressesAsync(
            new AssignPrivateIpAddressesRequest { NetworkInterfaceId = first, PrivateIpAddresses = ["10.0.1.13"], SecondaryPrivateIpAddressCount = 1 }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = first, PrivateIpAddresses = ["10.0.2.13"] }));
        // Eleven usable addresses: three are taken, eight remain.
        await AwsAssert.ErrorCode("InsufficientFreeAddressesInSubnet", () =>
            _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = first, SecondaryPrivateIpAddressCount = 9 }));
        await _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = first, SecondaryPrivateIpAddressCount = 8 });
        Assert.Equal(0, await AvailableAsync(subnet));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () =>
            _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = "eni-0123456789abcdef0", SecondaryPrivateIpAddressCount = 1 }));
    }

    [Fact]
    public async Task An_interface_holds_at_most_fifty_private_addresses()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync())).SubnetId;
        var eni = await CreateAsync(subnet, r => r.SecondaryPrivateIpAddressCount = 49);
        Assert.Equal(50, (await ReadAsync(eni.NetworkInterfaceId)).PrivateIpAddresses.Count);
        await AwsAssert.ErrorCode("PrivateIpAddressLimitExceeded", () =>
            _ec2.AssignPrivateIpAddressesAsync(new AssignPrivateIpAddressesRequest { NetworkInterfaceId = eni.NetworkInterfaceId, SecondaryPrivateIpAddressCount = 1 }));
    }

    [Fact]
    public async Task Attach_checks_the_interface_then_the_instance_and_detach_knows_only_real_attachments()
    {
        var id = (await CreateAsync((await NewSubnetAsync(await NewVpcAsync())).SubnetId)).NetworkInterfaceId;
        Task Attach(string eni, string instance) =>
            _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni, InstanceId = instance, DeviceIndex = 1 });

        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () => Attach("eni-0123456789abcdef0", "i-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidInstanceID.Malformed", () => Attach(id, "instance-1"));
        await AwsAssert.ErrorCode("InvalidInstanceID.NotFound", () => Attach(id, "i-0123456789abcdef0"));
        Assert.Null((await ReadAsync(id)).Attachment);

        await AwsAssert.ErrorCode("InvalidAttachmentID.NotFound", () =>
            _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = "eni-attach-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceAttachmentId.Malformed", () =>
            _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = "attach-1" }));
    }

    [Fact]
    public async Task Dry_run_creates_nothing()
    {
        var subnet = (await NewSubnetAsync(await NewVpcAsync())).SubnetId;
        await AwsAssert.ErrorCode("DryRunOperation", () => CreateAsync(subnet, r => r.DryRun = true));
        Assert.Empty(await InSubnetAsync(subnet));
    }

    [Fact]
    public async Task A_retry_with_the_same_client_token_answers_the_interface_the_first_call_created()
    {
        var vpc = await NewVpcAsync();
        var subnet = (await NewSubnetAsync(vpc)).SubnetId;
        var first = await CreateAsync(subnet, r => r.ClientToken = "retry-1");
        var again = await CreateAsync(subnet, r => r.ClientToken = "retry-1");

        Assert.Equal(first.NetworkInterfaceId, again.NetworkInterfaceId);
        Assert.Equal(first.PrivateIpAddress, again.PrivateIpAddress);
        Assert.Single(await InSubnetAsync(subnet));
        var other = (await NewSubnetAsync(vpc, "10.0.2.0/24")).SubnetId;
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", () => CreateAsync(other, r => r.ClientToken = "retry-1"));
        Assert.Empty(await InSubnetAsync(other));
    }
}

/// <summary>The NetworkInterfacesPerRegion quota, on hosts configured to allow three interfaces per region.</summary>
public abstract class NetworkInterfaceQuotaTests(Emulator emulator)
{
    public sealed class OnSqlite(FewInterfacesSqlite e) : NetworkInterfaceQuotaTests(e), IClassFixture<FewInterfacesSqlite>;
    public sealed class OnPostgres(FewInterfacesPostgres e) : NetworkInterfaceQuotaTests(e), IClassFixture<FewInterfacesPostgres>;

    public const int Quota = 3;

    [Fact]
    public async Task The_interface_after_the_quota_is_refused_and_a_deleted_one_makes_room()
    {
        var ec2 = emulator.Ec2();
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
        var ids = new List<string>();
        for (var i = 0; i < Quota; i++) ids.Add((await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId);
        await AwsAssert.ErrorCode("NetworkInterfaceLimitExceeded", () => ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet }));
        await ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = ids[0] });
        await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet });
    }

    public static IReadOnlyDictionary<string, string?> WithQuota(Dictionary<string, string?> settings)
    {
        settings["ControlPlane:Quotas:NetworkInterfacesPerRegion"] = Quota.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}

public sealed class FewInterfacesSqlite : Emulator
{
    private readonly string _directory = Directory.CreateTempSubdirectory("controlplane-eni-quota-").FullName;

    public override string StoreKind => "sqlite";

    protected override Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync() =>
        Task.FromResult(NetworkInterfaceQuotaTests.WithQuota(new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = "sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_directory, "controlplane.db")}",
        }));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

public sealed class FewInterfacesPostgres : Emulator
{
    private PostgresServer? _server;

    public override string StoreKind => "postgres";

    protected override async Task<IReadOnlyDictionary<string, string?>> ConfigureStoreAsync()
    {
        _server = await PostgresServer.StartAsync();
        var connection = await _server.CreateDatabaseAsync($"controlplane_eni_quota_{Guid.NewGuid():N}");
        return NetworkInterfaceQuotaTests.WithQuota(new Dictionary<string, string?>
        {
            ["ControlPlane:Store"] = "postgres",
            ["ConnectionStrings:Postgres"] = connection,
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}

using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// Route tables, routes and their associations through the AWS SDK on both stores: local routes, targets and their
/// networks, blackhole routes, the main table, and Terraform's read pattern.
/// </summary>
public abstract class RouteTableTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : RouteTableTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : RouteTableTests(e);

    private const string UnknownTable = "rtb-0123456789abcdef0";

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync(string cidr = "10.0.0.0/16", bool ipv6 = false) =>
        (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr, AmazonProvidedIpv6CidrBlock = ipv6 })).Vpc.VpcId;

    private async Task<string> NewTableAsync(string vpc) =>
        (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;

    private async Task<string> NewSubnetAsync(string vpc, string cidr) =>
        (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr })).Subnet.SubnetId;

    private async Task<string> AttachedGatewayAsync(string vpc)
    {
        var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        return gateway;
    }

    private async Task<RouteTable> ReadAsync(string table) =>
        Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables);

    private async Task<RouteTable> MainTableAsync(string vpc) =>
        Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.main", ["true"]), new Filter("vpc-id", [vpc])],
        })).RouteTables);

    private Task<CreateRouteResponse> RouteAsync(string table, string destination, string gateway) =>
        _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = destination, GatewayId = gateway });

    private static IEnumerable<Route> Stored(RouteTable table) => (table.Routes ?? []).Where(r => r.Origin == RouteOrigin.CreateRoute);

    [Fact]
    public async Task A_new_table_shows_the_local_routes_of_every_vpc_block_and_its_tags()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var created = await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest
        {
            VpcId = vpc,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.RouteTable, Tags = [new Tag("Name", "public")] }],
        });
        Assert.StartsWith("rtb-", created.RouteTable.RouteTableId);
        Assert.Empty(created.RouteTable.Associations ?? []);
        Assert.Equal("public", Assert.Single(created.RouteTable.Tags).Value);

        var table = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("tag:Name", ["public"])] })).RouteTables);
        Assert.Equal(vpc, table.VpcId);
        Assert.Equal(2, table.Routes.Count);
        Assert.All(table.Routes, r => Assert.Equal(("local", RouteOrigin.CreateRouteTable, RouteState.Active), (r.GatewayId, r.Origin, r.State)));
        Assert.Equal("10.0.0.0/16", table.Routes[0].DestinationCidrBlock);
        Assert.EndsWith("::/56", table.Routes[1].DestinationIpv6CidrBlock);
        Assert.Empty(table.Associations ?? []);
    }

    [Fact]
    public async Task A_client_token_makes_create_idempotent()
    {
        var vpc = await NewVpcAsync();
        var first = await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc, ClientToken = "token-1" });
        var retry = await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc, ClientToken = "token-1" });
        Assert.Equal(first.RouteTable.RouteTableId, retry.RouteTable.RouteTableId);
        Assert.Equal("token-1", retry.ClientToken);
        Assert.Equal(2, (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [vpc])] })).RouteTables.Count);
        await AwsAssert.ErrorCode("IdempotentParameterMismatch", () =>
            _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = "vpc-0123456789abcdef0", ClientToken = "token-1" }));
    }

    [Fact]
    public async Task Creating_in_an_unknown_vpc_or_beyond_the_quota_is_refused()
    {
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => NewTableAsync("vpc-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidVpcID.Malformed", () => NewTableAsync("vpc-nope"));
        var vpc = await NewVpcAsync();
        for (var i = 1; i < 200; i++) await NewTableAsync(vpc);
        await AwsAssert.ErrorCode("RouteTableLimitExceeded", () => NewTableAsync(vpc));
    }

    [Fact]
    public async Task Dry_run_creates_nothing()
    {
        var vpc = await NewVpcAsync();
        await AwsAssert.ErrorCode("DryRunOperation", () => _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc, DryRun = true }));
        await MainTableAsync(vpc);
        Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [vpc])] })).RouteTables);
    }

    [Fact]
    public async Task The_main_table_and_associated_tables_cannot_be_deleted()
    {
        var vpc = await NewVpcAsync();
        var main = await MainTableAsync(vpc);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = main.RouteTableId }));

        var table = await NewTableAsync(vpc);
        var association = (await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = await NewSubnetAsync(vpc, "10.0.1.0/24") })).AssociationId;
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table }));

        await _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = association });
        await _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table });
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () => ReadAsync(table));
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table }));
        await AwsAssert.ErrorCode("InvalidRouteTableId.Malformed", () => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = "rtb-x" }));
    }

    [Fact]
    public async Task A_route_to_an_internet_gateway_needs_the_gateway_attached_to_the_tables_vpc()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () => RouteAsync(table, "0.0.0.0/0", gateway));
        await AwsAssert.ErrorCode("InvalidGatewayID.NotFound", () => RouteAsync(table, "0.0.0.0/0", "igw-0123456789abcdef0"));

        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        Assert.True((await RouteAsync(table, "0.0.0.0/0", gateway)).Return);
        Assert.True((await RouteAsync(table, "0.0.0.0/0", gateway)).Return);
        await RouteAsync(table, "172.16.5.9/12", gateway);

        var routes = Stored(await ReadAsync(table)).ToList();
        Assert.Equal(["0.0.0.0/0", "172.16.0.0/12"], routes.Select(r => r.DestinationCidrBlock));
        Assert.All(routes, r => Assert.Equal((gateway, RouteState.Active), (r.GatewayId, r.State)));
    }

    [Fact]
    public async Task A_second_route_to_the_same_destination_already_exists()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        var egress = (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc })).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = egress });
        await AwsAssert.ErrorCode("RouteAlreadyExists", () =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", GatewayId = gateway }));
    }

    [Fact]
    public async Task Local_routes_cannot_be_created_targeted_at_a_gateway_or_deleted()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        await AwsAssert.ErrorCode("InvalidParameterValue", () => RouteAsync(table, "10.0.0.0/16", gateway));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => RouteAsync(table, "10.0.4.0/24", gateway));
        await AwsAssert.ErrorCode("InvalidGatewayID.NotFound", () => RouteAsync(table, "0.0.0.0/0", "local"));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.0.0/16" }));
        await AwsAssert.ErrorCode("InvalidRoute.NotFound", () =>
            _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0" }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway }));
        var local = Assert.Single((await ReadAsync(table)).Routes);
        Assert.Equal(("10.0.0.0/16", "local"), (local.DestinationCidrBlock, local.GatewayId));
    }

    public static TheoryData<string, CreateRouteRequest> BadRoutes => new()
    {
        { "MissingParameter", new CreateRouteRequest { GatewayId = "igw-0123456789abcdef0" } },
        { "InvalidParameterCombination", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", DestinationIpv6CidrBlock = "::/0", NatGatewayId = "nat-0123456789abcdef0" } },
        { "MissingParameter", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0" } },
        { "InvalidParameterCombination", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", GatewayId = "igw-0123456789abcdef0", InstanceId = "i-0123456789abcdef0" } },
        { "InvalidParameterValue", new CreateRouteRequest { DestinationCidrBlock = "10.0.0/8", NatGatewayId = "nat-0123456789abcdef0" } },
        { "InvalidParameterValue", new CreateRouteRequest { DestinationIpv6CidrBlock = "10.0.0.0/8", NatGatewayId = "nat-0123456789abcdef0" } },
        { "InvalidPrefixListId.Malformed", new CreateRouteRequest { DestinationPrefixListId = "prefix", NatGatewayId = "nat-0123456789abcdef0" } },
        { "InvalidPrefixListID.NotFound", new CreateRouteRequest { DestinationPrefixListId = "pl-0123456789abcdef0", NatGatewayId = "nat-0123456789abcdef0" } },
        { "InvalidNatGatewayID.NotFound", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", NatGatewayId = "nat-0123456789abcdef0" } },
        { "InvalidInstanceID.NotFound", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", InstanceId = "i-0123456789abcdef0" } },
        { "InvalidVpcPeeringConnectionID.NotFound", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", VpcPeeringConnectionId = "pcx-0123456789abcdef0" } },
        { "InvalidTransitGatewayID.NotFound", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", TransitGatewayId = "tgw-0123456789abcdef0" } },
        { "InvalidNetworkInterfaceID.NotFound", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", NetworkInterfaceId = "eni-0123456789abcdef0" } },
        { "InvalidGatewayID.NotFound", new CreateRouteRequest { DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = "eigw-0123456789abcdef0" } },
        { "InvalidGatewayID.NotFound", new CreateRouteRequest { DestinationCidrBlock = "0.0.0.0/0", GatewayId = "vgw-0123456789abcdef0" } },
    };

    [Theory]
    [MemberData(nameof(BadRoutes))]
    public async Task A_bad_route_gets_its_aws_error_and_changes_nothing(string code, CreateRouteRequest request)
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        request.RouteTableId = table;
        await AwsAssert.ErrorCode(code, () => _ec2.CreateRouteAsync(request));
        Assert.Single((await ReadAsync(table)).Routes);
    }

    [Fact]
    public async Task Routes_need_a_known_table()
    {
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () => RouteAsync(UnknownTable, "0.0.0.0/0", "igw-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidRouteTableId.Malformed", () => RouteAsync("table", "0.0.0.0/0", "igw-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () =>
            _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = UnknownTable, DestinationCidrBlock = "0.0.0.0/0" }));
    }

    [Fact]
    public async Task An_egress_only_gateway_takes_ipv6_routes_of_its_own_vpc_only()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var table = await NewTableAsync(vpc);
        var egress = (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc })).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        var other = (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = await NewVpcAsync("10.1.0.0/16", ipv6: true) }))
            .EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", EgressOnlyInternetGatewayId = egress }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = other }));

        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = egress });
        var route = Assert.Single(Stored(await ReadAsync(table)));
        Assert.Equal(("::/0", egress, RouteState.Active), (route.DestinationIpv6CidrBlock, route.EgressOnlyInternetGatewayId, route.State));
        Assert.Null(route.GatewayId);
        var found = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("route.egress-only-internet-gateway-id", [egress])],
        })).RouteTables);
        Assert.Equal(table, found.RouteTableId);
    }

    [Fact]
    public async Task Replace_route_points_a_route_at_another_target()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        var egress = (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc })).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = egress });

        await _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", GatewayId = gateway });
        var route = Assert.Single(Stored(await ReadAsync(table)));
        Assert.Equal((gateway, (string?)null), (route.GatewayId, route.EgressOnlyInternetGatewayId));

        await AwsAssert.ErrorCode("MissingParameter", () =>
            _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0" }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", LocalTarget = true }));
        await _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0" });
        Assert.Empty(Stored(await ReadAsync(table)));
    }

    [Fact]
    public async Task Routes_to_a_detached_or_deleted_gateway_are_blackholes()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        var egress = (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc })).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        await RouteAsync(table, "0.0.0.0/0", gateway);
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationIpv6CidrBlock = "::/0", EgressOnlyInternetGatewayId = egress });

        await _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        await _ec2.DeleteEgressOnlyInternetGatewayAsync(new DeleteEgressOnlyInternetGatewayRequest { EgressOnlyInternetGatewayId = egress });
        Assert.All(Stored(await ReadAsync(table)), r => Assert.Equal(RouteState.Blackhole, r.State));
        var blackholed = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("route.state", ["blackhole"]), new Filter("vpc-id", [vpc])],
        })).RouteTables);
        Assert.Equal(table, blackholed.RouteTableId);

        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        Assert.Equal(RouteState.Active, Stored(await ReadAsync(table)).Single(r => r.GatewayId == gateway).State);
    }

    [Fact]
    public async Task Route_filters_match_destinations_targets_and_origins()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        await RouteAsync(table, "192.168.0.0/16", gateway);
        await NewTableAsync(vpc);

        async Task<IEnumerable<string>> Find(string name, string value) =>
            (await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter(name, [value]), new Filter("vpc-id", [vpc])] }))
            .RouteTables?.Select(t => t.RouteTableId) ?? [];

        Assert.Equal([table], await Find("route.gateway-id", gateway));
        Assert.Equal([table], await Find("route.destination-cidr-block", "192.168.0.0/16"));
        Assert.Equal([table], await Find("route.origin", "CreateRoute"));
        Assert.Equal(3, (await Find("route.gateway-id", "local")).Count());
        Assert.Empty(await Find("route.nat-gateway-id", "nat-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => Find("route.colour", "blue"));
    }

    [Fact]
    public async Task A_customer_managed_prefix_list_can_be_a_destination_of_its_family()
    {
        var vpc = await NewVpcAsync(ipv6: true);
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        var egress = (await _ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc })).EgressOnlyInternetGateway.EgressOnlyInternetGatewayId;
        async Task<string> NewListAsync(string family, string cidr) => (await _ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = $"offices-{family}", AddressFamily = family, MaxEntries = 5, Entries = [new AddPrefixListEntry { Cidr = cidr }],
        })).PrefixList.PrefixListId;
        var (v4, v6) = (await NewListAsync("IPv4", "203.0.113.0/24"), await NewListAsync("IPv6", "2001:db8::/32"));

        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationPrefixListId = v4, GatewayId = gateway });
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationPrefixListId = v4, EgressOnlyInternetGatewayId = egress }));
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationPrefixListId = v6, EgressOnlyInternetGatewayId = egress });

        var routes = Stored(await ReadAsync(table)).ToList();
        Assert.Equal([(v4, gateway), (v6, null)], routes.Select(r => (r.DestinationPrefixListId, (string?)r.GatewayId)));
        Assert.All(routes, r => Assert.Null(r.DestinationCidrBlock));
        Assert.Equal(table, Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("route.destination-prefix-list-id", [v6])],
        })).RouteTables).RouteTableId);

        await _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationPrefixListId = v4 });
        await AwsAssert.ErrorCode("InvalidRoute.NotFound", () => _ec2.DeleteRouteAsync(new DeleteRouteRequest { RouteTableId = table, DestinationPrefixListId = v4 }));
        Assert.Equal(v6, Assert.Single(Stored(await ReadAsync(table))).DestinationPrefixListId);
    }

    [Fact]
    public async Task A_network_interface_of_the_vpc_can_take_any_route_even_a_local_one()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var subnet = await NewSubnetAsync(vpc, "10.0.1.0/24");
        var appliance = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId;
        var foreignSubnet = await NewSubnetAsync(await NewVpcAsync("10.1.0.0/16"), "10.1.1.0/24");
        var foreign = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = foreignSubnet })).NetworkInterface.NetworkInterfaceId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", NetworkInterfaceId = foreign }));

        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", NetworkInterfaceId = appliance });
        await _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.2.0/24", NetworkInterfaceId = appliance });
        await AwsAssert.ErrorCode("RouteAlreadyExists", () =>
            _ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.0.0/16", NetworkInterfaceId = appliance }));
        await _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.0.0/16", NetworkInterfaceId = appliance });

        var routes = (await ReadAsync(table)).Routes;
        Assert.Equal(["10.0.0.0/16", "0.0.0.0/0", "10.0.2.0/24"], routes.Select(r => r.DestinationCidrBlock));
        Assert.All(routes, r => Assert.Equal((appliance, (string?)null, RouteState.Active), (r.NetworkInterfaceId, r.GatewayId, r.State)));
        Assert.Equal(RouteOrigin.CreateRouteTable, routes[0].Origin);

        await _ec2.ReplaceRouteAsync(new ReplaceRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.0.0.0/16", LocalTarget = true });
        var local = (await ReadAsync(table)).Routes[0];
        Assert.Equal(("local", (string?)null), (local.GatewayId, local.NetworkInterfaceId));

        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = appliance });
        Assert.All(Stored(await ReadAsync(table)), r => Assert.Equal(RouteState.Blackhole, r.State));
    }

    [Fact]
    public async Task The_route_quota_applies_per_table()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        for (var i = 0; i < 50; i++) await RouteAsync(table, $"100.0.{i}.0/24", gateway);
        await AwsAssert.ErrorCode("RouteLimitExceeded", () => RouteAsync(table, "100.9.0.0/24", gateway));
        await RouteAsync(await NewTableAsync(vpc), "100.9.0.0/24", gateway);
    }

    [Fact]
    public async Task A_subnet_association_is_found_the_way_terraform_reads_it()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var subnet = await NewSubnetAsync(vpc, "10.0.1.0/24");
        var associated = await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet });
        Assert.StartsWith("rtbassoc-", associated.AssociationId);
        Assert.Equal(RouteTableAssociationStateCode.Associated, associated.AssociationState.State);

        var found = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.route-table-association-id", [associated.AssociationId])],
        })).RouteTables);
        var association = Assert.Single(found.Associations);
        Assert.Equal((table, subnet, false, RouteTableAssociationStateCode.Associated),
            (association.RouteTableId, association.SubnetId, association.Main == true, association.AssociationState.State));
        Assert.Equal(table, Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.subnet-id", [subnet])],
        })).RouteTables).RouteTableId);
        Assert.NotEqual(table, (await MainTableAsync(vpc)).RouteTableId);
    }

    [Fact]
    public async Task A_subnet_takes_one_table_of_its_own_vpc()
    {
        var vpc = await NewVpcAsync();
        var (table, other) = (await NewTableAsync(vpc), await NewTableAsync(vpc));
        var subnet = await NewSubnetAsync(vpc, "10.0.1.0/24");
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet });
        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = other, SubnetId = subnet }));

        var foreign = await NewSubnetAsync(await NewVpcAsync("10.1.0.0/16"), "10.1.1.0/24");
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = foreign }));
        await AwsAssert.ErrorCode("InvalidSubnetID.NotFound", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = "subnet-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = UnknownTable, SubnetId = subnet }));
        await AwsAssert.ErrorCode("MissingParameter", () => _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table }));
        await AwsAssert.ErrorCode("InvalidParameterCombination", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet, GatewayId = "igw-0123456789abcdef0" }));
        Assert.Empty((await ReadAsync(other)).Associations ?? []);
    }

    [Fact]
    public async Task Disassociating_returns_the_subnet_to_the_main_table_whose_association_stays()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var subnet = await NewSubnetAsync(vpc, "10.0.1.0/24");
        var association = (await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet })).AssociationId;
        await _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = association });
        Assert.Empty((await ReadAsync(table)).Associations ?? []);
        await AwsAssert.ErrorCode("InvalidAssociationID.NotFound", () =>
            _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = association }));

        var main = Assert.Single((await MainTableAsync(vpc)).Associations);
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = main.RouteTableAssociationId }));
        await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet });
    }

    [Fact]
    public async Task Replacing_an_association_moves_the_subnet_under_a_new_id()
    {
        var vpc = await NewVpcAsync();
        var (table, other) = (await NewTableAsync(vpc), await NewTableAsync(vpc));
        var subnet = await NewSubnetAsync(vpc, "10.0.1.0/24");
        var association = (await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet })).AssociationId;

        var replaced = await _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest { AssociationId = association, RouteTableId = other });
        Assert.NotEqual(association, replaced.NewAssociationId);
        Assert.Equal(RouteTableAssociationStateCode.Associated, replaced.AssociationState.State);
        Assert.Empty((await ReadAsync(table)).Associations ?? []);
        var moved = Assert.Single((await ReadAsync(other)).Associations);
        Assert.Equal((replaced.NewAssociationId, subnet), (moved.RouteTableAssociationId, moved.SubnetId));

        var foreign = await NewTableAsync(await NewVpcAsync("10.1.0.0/16"));
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest { AssociationId = replaced.NewAssociationId, RouteTableId = foreign }));
        await AwsAssert.ErrorCode("InvalidAssociationID.NotFound", () =>
            _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest { AssociationId = association, RouteTableId = table }));
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () =>
            _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest { AssociationId = replaced.NewAssociationId, RouteTableId = UnknownTable }));
    }

    [Fact]
    public async Task Replacing_the_main_association_makes_another_table_main()
    {
        var vpc = await NewVpcAsync();
        var original = await MainTableAsync(vpc);
        var table = await NewTableAsync(vpc);
        var replaced = await _ec2.ReplaceRouteTableAssociationAsync(new ReplaceRouteTableAssociationRequest
        {
            AssociationId = Assert.Single(original.Associations).RouteTableAssociationId, RouteTableId = table,
        });

        var main = await MainTableAsync(vpc);
        Assert.Equal(table, main.RouteTableId);
        Assert.Equal(replaced.NewAssociationId, Assert.Single(main.Associations).RouteTableAssociationId);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table }));
        await _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = original.RouteTableId });
    }

    [Fact]
    public async Task A_gateway_edge_association_holds_the_gateway_attached()
    {
        var vpc = await NewVpcAsync();
        var table = await NewTableAsync(vpc);
        var gateway = await AttachedGatewayAsync(vpc);
        var association = (await _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, GatewayId = gateway })).AssociationId;
        var edge = Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("association.gateway-id", [gateway])],
        })).RouteTables);
        Assert.Equal(gateway, Assert.Single(edge.Associations).GatewayId);
        var other = await NewTableAsync(vpc);
        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = other, GatewayId = gateway }));
        await AwsAssert.ErrorCode("DependencyViolation", () =>
            _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc }));

        await _ec2.DisassociateRouteTableAsync(new DisassociateRouteTableRequest { AssociationId = association });
        await _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, GatewayId = gateway }));
    }

    [Fact]
    public async Task A_vpc_is_deleted_with_its_main_table_and_that_tables_blackhole_routes()
    {
        var vpc = await NewVpcAsync();
        var main = (await MainTableAsync(vpc)).RouteTableId;
        var gateway = await AttachedGatewayAsync(vpc);
        await RouteAsync(main, "0.0.0.0/0", gateway);
        var table = await NewTableAsync(vpc);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));

        await _ec2.DeleteRouteTableAsync(new DeleteRouteTableRequest { RouteTableId = table });
        await _ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        await _ec2.DeleteInternetGatewayAsync(new DeleteInternetGatewayRequest { InternetGatewayId = gateway });
        Assert.Equal(RouteState.Blackhole, Assert.Single(Stored(await ReadAsync(main))).State);
        await _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc });
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () => ReadAsync(main));
    }

    [Fact]
    public async Task The_default_vpc_main_table_routes_to_its_internet_gateway()
    {
        var vpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs).VpcId;
        var gateway = Assert.Single((await _ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new Filter("attachment.vpc-id", [vpc])],
        })).InternetGateways).InternetGatewayId;
        var route = Assert.Single(Stored(await MainTableAsync(vpc)));
        Assert.Equal(("0.0.0.0/0", gateway, RouteState.Active), (route.DestinationCidrBlock, route.GatewayId, route.State));
    }
}

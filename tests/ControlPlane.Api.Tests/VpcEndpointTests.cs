using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// VPC endpoints through the AWS SDK on both stores: Interface endpoints (a requester-managed interface per subnet,
/// carrying the endpoint's groups), Gateway endpoints (prefix-list routes in route tables), ModifyVpcEndpoint, partial
/// deletion and the named errors.
/// </summary>
public abstract class VpcEndpointTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : VpcEndpointTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : VpcEndpointTests(e);

    private const string S3 = "com.amazonaws.us-east-1.s3";
    private const string S3PrefixList = "pl-63a5400a";

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<string> NewVpcAsync() => (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;

    private async Task<string> NewSubnetAsync(string vpc, string cidr, string zone) =>
        (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;

    private async Task<string> NewGroupAsync(string vpc, string name) =>
        (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { VpcId = vpc, GroupName = name, Description = name })).GroupId;

    private async Task<VpcEndpoint> ReadAsync(string id) =>
        Assert.Single((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] })).VpcEndpoints);

    private async Task<List<NetworkInterface>> InterfacesAsync(IEnumerable<string> ids) =>
        (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [.. ids] })).NetworkInterfaces ?? [];

    private async Task<List<Route>> RoutesToAsync(string table, string endpoint) =>
        Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables)
            .Routes.Where(r => r.GatewayId == endpoint).ToList();

    [Fact]
    public async Task An_interface_endpoint_places_an_interface_with_its_groups_in_each_subnet()
    {
        var vpc = await NewVpcAsync();
        var a = await NewSubnetAsync(vpc, "10.0.1.0/24", "us-east-1a");
        var b = await NewSubnetAsync(vpc, "10.0.2.0/24", "us-east-1b");
        var group = await NewGroupAsync(vpc, "endpoints");
        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.ssm", VpcEndpointType = VpcEndpointType.Interface, SubnetIds = [a, b], SecurityGroupIds = [group],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.VpcEndpoint, Tags = [new Tag("Name", "ssm")] }],
        })).VpcEndpoint;
        Assert.StartsWith("vpce-", created.VpcEndpointId);
        Assert.Equal((VpcEndpointType.Interface, State.Available, true, false), (created.VpcEndpointType, created.State, created.PrivateDnsEnabled, created.RequesterManaged));
        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), created.SubnetIds.Order(StringComparer.Ordinal));
        Assert.Equal((group, "endpoints"), (Assert.Single(created.Groups).GroupId, created.Groups[0].GroupName));
        Assert.Equal(2, created.NetworkInterfaceIds.Count);
        Assert.Contains(created.DnsEntries, d => d.DnsName.StartsWith(created.VpcEndpointId + "-") && d.DnsName.EndsWith(".ssm.us-east-1.vpce.amazonaws.com"));

        var interfaces = await InterfacesAsync(created.NetworkInterfaceIds);
        Assert.Equal(2, interfaces.Count);
        foreach (var eni in interfaces)
        {
            Assert.Equal(("vpc_endpoint", true, "727180483921", $"VPC Endpoint Interface {created.VpcEndpointId}"),
                (eni.InterfaceType.Value, eni.RequesterManaged, eni.RequesterId, eni.Description));
            Assert.Equal(group, Assert.Single(eni.Groups).GroupId);
        }
        var read = await ReadAsync(created.VpcEndpointId);
        Assert.Equal("ssm", Assert.Single(read.Tags).Value);
        Assert.Equal(group, Assert.Single(read.Groups).GroupId);
        foreach (var filter in new[] { new Filter("vpc-id", [vpc]), new Filter("service-name", ["com.amazonaws.us-east-1.ssm"]), new Filter("vpc-endpoint-type", ["Interface"]), new Filter("tag:Name", ["ssm"]) })
            Assert.Single((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [filter] })).VpcEndpoints);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteVpcAsync(new DeleteVpcRequest { VpcId = vpc }));

        var other = await NewGroupAsync(vpc, "other");
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest
        {
            VpcEndpointId = created.VpcEndpointId, RemoveSubnetIds = [b], AddSecurityGroupIds = [other], RemoveSecurityGroupIds = [group],
        });
        read = await ReadAsync(created.VpcEndpointId);
        Assert.Equal([a], read.SubnetIds);
        Assert.Equal(other, Assert.Single(read.Groups).GroupId);
        Assert.Equal(other, Assert.Single(Assert.Single(await InterfacesAsync(read.NetworkInterfaceIds)).Groups).GroupId);
        Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("vpc-id", [vpc])] })).NetworkInterfaces);

        var c = await NewSubnetAsync(vpc, "10.0.3.0/24", "us-east-1a");
        await AwsAssert.ErrorCode("DuplicateSubnetsInSameZone", () => _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = created.VpcEndpointId, AddSubnetIds = [c] }));

        var deleted = await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] });
        Assert.Empty(deleted.Unsuccessful ?? []);
        Assert.Empty((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("vpc-id", [vpc])] })).NetworkInterfaces ?? []);
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = a });
    }

    [Fact]
    public async Task A_gateway_endpoint_routes_the_service_prefix_list_in_its_route_tables()
    {
        var vpc = await NewVpcAsync();
        var first = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        var second = (await _ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        var created = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, ServiceName = S3, RouteTableIds = [first] })).VpcEndpoint;
        Assert.Equal((VpcEndpointType.Gateway, first), (created.VpcEndpointType, Assert.Single(created.RouteTableIds)));
        Assert.Empty(created.NetworkInterfaceIds ?? []);
        Assert.Contains("\"Allow\"", created.PolicyDocument);

        var route = Assert.Single(await RoutesToAsync(first, created.VpcEndpointId));
        Assert.Equal((S3PrefixList, RouteOrigin.CreateRoute, RouteState.Active), (route.DestinationPrefixListId, route.Origin, route.State));
        Assert.Single((await _ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest
        {
            Filters = [new Filter("route.destination-prefix-list-id", [S3PrefixList])],
        })).RouteTables);

        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest
        {
            VpcEndpointId = created.VpcEndpointId, AddRouteTableIds = [second], RemoveRouteTableIds = [first], PolicyDocument = "{\"Statement\":[]}",
        });
        var read = await ReadAsync(created.VpcEndpointId);
        Assert.Equal((second, "{\"Statement\":[]}"), (Assert.Single(read.RouteTableIds), read.PolicyDocument));
        Assert.Empty(await RoutesToAsync(first, created.VpcEndpointId));
        Assert.Single(await RoutesToAsync(second, created.VpcEndpointId));
        await _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = created.VpcEndpointId, ResetPolicy = true });
        Assert.Contains("\"Allow\"", (await ReadAsync(created.VpcEndpointId)).PolicyDocument);

        await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpointId] });
        Assert.Empty(await RoutesToAsync(second, created.VpcEndpointId));
    }

    [Fact]
    public async Task Bad_requests_get_the_aws_error_codes()
    {
        var vpc = await NewVpcAsync();
        var a = await NewSubnetAsync(vpc, "10.0.1.0/24", "us-east-1a");
        var b = await NewSubnetAsync(vpc, "10.0.2.0/24", "us-east-1a");
        await AwsAssert.ErrorCode("InvalidServiceName", () => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.nope" }));
        await AwsAssert.ErrorCode("InvalidServiceName", () => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, ServiceName = "com.amazonaws.eu-west-1.s3" }));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = "vpc-0123456789abcdef0", ServiceName = S3 }));
        await AwsAssert.ErrorCode("DuplicateSubnetsInSameZone", () => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.ec2", VpcEndpointType = VpcEndpointType.Interface, SubnetIds = [a, b],
        }));
        await AwsAssert.ErrorCode("InvalidRouteTableID.NotFound", () => _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = vpc, ServiceName = S3, RouteTableIds = ["rtb-0123456789abcdef0"],
        }));
        await AwsAssert.ErrorCode("InvalidVpcEndpointId.NotFound", () => _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = ["vpce-0123456789abcdef0"] }));
        await AwsAssert.ErrorCode("InvalidVpcEndpointId.NotFound", () => _ec2.ModifyVpcEndpointAsync(new ModifyVpcEndpointRequest { VpcEndpointId = "vpce-0123456789abcdef0", ResetPolicy = true }));
        Assert.Empty((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("vpc-id", [vpc])] })).NetworkInterfaces ?? []);

        var kept = (await _ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.dynamodb" })).VpcEndpoint;
        var deleted = await _ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [kept.VpcEndpointId, "vpce-0123456789abcdef0"] });
        var failed = Assert.Single(deleted.Unsuccessful);
        Assert.Equal(("vpce-0123456789abcdef0", "InvalidVpcEndpointId.NotFound"), (failed.ResourceId, failed.Error.Code));
        Assert.Empty((await _ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("vpc-id", [vpc])] })).VpcEndpoints ?? []);
    }
}

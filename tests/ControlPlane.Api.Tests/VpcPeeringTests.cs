using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>VPC peering connections (create, accept, reject, delete, describe) and routes through them, through the AWS SDK on both stores.</summary>
public abstract class VpcPeeringTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : VpcPeeringTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : VpcPeeringTests(e);

    private static async Task<string> NewVpcAsync(AmazonEC2Client ec2, string cidr) =>
        (await ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;

    private static async Task<VpcPeeringConnection> DescribeAsync(AmazonEC2Client ec2, string id) =>
        Assert.Single((await ec2.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] })).VpcPeeringConnections);

    [Fact]
    public async Task A_same_account_peering_is_accepted_routed_and_deleted_leaving_a_blackhole_route()
    {
        var ec2 = emulator.Ec2(emulator.NewAccount());
        var a = await NewVpcAsync(ec2, "10.1.0.0/16");
        var b = await NewVpcAsync(ec2, "10.2.0.0/16");
        var created = (await ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest
        {
            VpcId = a, PeerVpcId = b,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.VpcPeeringConnection, Tags = [new Tag("Name", "a-b")] }],
        })).VpcPeeringConnection;
        Assert.StartsWith("pcx-", created.VpcPeeringConnectionId);
        Assert.Equal("pending-acceptance", created.Status.Code.Value);
        Assert.Equal("10.1.0.0/16", created.RequesterVpcInfo.CidrBlock);
        Assert.Equal(b, created.AccepterVpcInfo.VpcId);
        Assert.Equal("a-b", Assert.Single(created.Tags).Value);

        var table = Assert.Single((await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [a])] })).RouteTables).RouteTableId;
        await ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.2.0.0/16", VpcPeeringConnectionId = created.VpcPeeringConnectionId });
        Assert.Equal("blackhole", (await RouteAsync()).State.Value);

        var accepted = (await ec2.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = created.VpcPeeringConnectionId })).VpcPeeringConnection;
        Assert.Equal("active", accepted.Status.Code.Value);
        Assert.Equal("10.2.0.0/16", accepted.AccepterVpcInfo.CidrBlock);
        Assert.Equal("active", (await DescribeAsync(ec2, created.VpcPeeringConnectionId)).Status.Code.Value);
        var route = await RouteAsync();
        Assert.Equal("active", route.State.Value);
        Assert.Equal(created.VpcPeeringConnectionId, route.VpcPeeringConnectionId);

        await ec2.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = created.VpcPeeringConnectionId });
        Assert.Equal("deleted", (await DescribeAsync(ec2, created.VpcPeeringConnectionId)).Status.Code.Value);
        Assert.Equal("blackhole", (await RouteAsync()).State.Value);
        await AwsAssert.ErrorCode("InvalidStateTransition", () => ec2.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = created.VpcPeeringConnectionId }));

        async Task<Route> RouteAsync() =>
            Assert.Single(Assert.Single((await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { RouteTableIds = [table] })).RouteTables).Routes,
                r => r.DestinationCidrBlock == "10.2.0.0/16");
    }

    [Fact]
    public async Task Across_accounts_only_the_accepter_accepts_and_a_third_account_sees_nothing()
    {
        var (requester, accepter, stranger) = (emulator.NewAccount(), emulator.NewAccount(), emulator.NewAccount());
        var (ec2A, ec2B, ec2C) = (emulator.Ec2(requester), emulator.Ec2(accepter), emulator.Ec2(stranger));
        var a = await NewVpcAsync(ec2A, "10.1.0.0/16");
        var b = await NewVpcAsync(ec2B, "10.2.0.0/16");
        var id = (await ec2A.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = b, PeerOwnerId = accepter }))
            .VpcPeeringConnection.VpcPeeringConnectionId;

        var seenByAccepter = await DescribeAsync(ec2B, id);
        Assert.Equal("pending-acceptance", seenByAccepter.Status.Code.Value);
        Assert.Equal(requester, seenByAccepter.RequesterVpcInfo.OwnerId);
        Assert.Equal(accepter, seenByAccepter.AccepterVpcInfo.OwnerId);
        Assert.Empty((await ec2C.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections ?? []);
        await AwsAssert.ErrorCode("InvalidVpcPeeringConnectionID.NotFound", () => ec2C.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest { VpcPeeringConnectionIds = [id] }));
        await AwsAssert.ErrorCode("InvalidVpcPeeringConnectionID.NotFound", () => ec2C.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }));

        await AwsAssert.ErrorCode("OperationNotPermitted", () => ec2A.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }));
        Assert.Equal("active", (await ec2B.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id })).VpcPeeringConnection.Status.Code.Value);
        Assert.Equal("active", (await DescribeAsync(ec2A, id)).Status.Code.Value);
        await AwsAssert.ErrorCode("InvalidStateTransition", () => ec2B.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }));

        var filtered = (await ec2A.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter("accepter-vpc-info.owner-id", [accepter]), new Filter("status-code", ["active"])],
        })).VpcPeeringConnections;
        Assert.Equal(id, Assert.Single(filtered).VpcPeeringConnectionId);
    }

    [Fact]
    public async Task The_accepter_rejects_a_request()
    {
        var (requester, accepter) = (emulator.NewAccount(), emulator.NewAccount());
        var (ec2A, ec2B) = (emulator.Ec2(requester), emulator.Ec2(accepter));
        var a = await NewVpcAsync(ec2A, "10.1.0.0/16");
        var b = await NewVpcAsync(ec2B, "10.2.0.0/16");
        var id = (await ec2A.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = b, PeerOwnerId = accepter }))
            .VpcPeeringConnection.VpcPeeringConnectionId;

        await AwsAssert.ErrorCode("OperationNotPermitted", () => ec2A.RejectVpcPeeringConnectionAsync(new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }));
        await ec2B.RejectVpcPeeringConnectionAsync(new RejectVpcPeeringConnectionRequest { VpcPeeringConnectionId = id });
        Assert.Equal("rejected", (await DescribeAsync(ec2A, id)).Status.Code.Value);
        await AwsAssert.ErrorCode("InvalidStateTransition", () => ec2B.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = id }));
    }

    [Fact]
    public async Task Overlapping_cidrs_or_a_missing_peer_vpc_leave_the_connection_failed()
    {
        var ec2 = emulator.Ec2(emulator.NewAccount());
        var a = await NewVpcAsync(ec2, "10.1.0.0/16");
        var b = await NewVpcAsync(ec2, "10.1.128.0/17");
        var overlapping = (await ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = b })).VpcPeeringConnection;
        Assert.Equal("failed", (await DescribeAsync(ec2, overlapping.VpcPeeringConnectionId)).Status.Code.Value);

        var missing = (await ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = a, PeerVpcId = "vpc-0123456789abcdef0" })).VpcPeeringConnection;
        Assert.Equal("failed", missing.Status.Code.Value);
        await AwsAssert.ErrorCode("InvalidStateTransition", () => ec2.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = missing.VpcPeeringConnectionId }));
        await AwsAssert.ErrorCode("InvalidVpcID.NotFound", () => ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = "vpc-0123456789abcdef0", PeerVpcId = a }));
        await AwsAssert.ErrorCode("InvalidVpcPeeringConnectionID.NotFound", () => ec2.DeleteVpcPeeringConnectionAsync(new DeleteVpcPeeringConnectionRequest { VpcPeeringConnectionId = "pcx-0123456789abcdef0" }));
    }
}

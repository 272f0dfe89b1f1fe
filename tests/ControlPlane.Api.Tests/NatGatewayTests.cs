using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// NAT gateways through the AWS SDK on both stores: public (with an Elastic IP) and private gateways, their
/// requester-managed interface as DescribeNetworkInterfaces shows it, deletion (freeing the interface and the address)
/// and the named errors.
/// </summary>
public abstract class NatGatewayTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : NatGatewayTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : NatGatewayTests(e);

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<(string Vpc, string Subnet)> NewSubnetAsync()
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        return (vpc, (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId);
    }

    private async Task<NetworkInterface> ReadInterfaceAsync(string id) =>
        Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] })).NetworkInterfaces);

    private async Task<NatGateway> ReadAsync(string id) =>
        Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = [id] })).NatGateways);

    [Fact]
    public async Task A_public_nat_gateway_holds_its_elastic_ip_on_a_requester_managed_interface_until_deleted()
    {
        var (vpc, subnet) = await NewSubnetAsync();
        var eip = await _ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        var created = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet, AllocationId = eip.AllocationId,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Natgateway, Tags = [new Tag("Name", "egress")] }],
        })).NatGateway;
        Assert.StartsWith("nat-", created.NatGatewayId);
        Assert.Equal(NatGatewayState.Pending, created.State);
        Assert.Equal((vpc, subnet, ConnectivityType.Public), (created.VpcId, created.SubnetId, created.ConnectivityType));
        var address = Assert.Single(created.NatGatewayAddresses);
        Assert.Equal((eip.AllocationId, eip.PublicIp, true), (address.AllocationId, address.PublicIp, address.IsPrimary));
        Assert.StartsWith("10.0.1.", address.PrivateIp);

        var read = await ReadAsync(created.NatGatewayId);
        Assert.Equal(NatGatewayState.Available, read.State);
        Assert.Equal("egress", Assert.Single(read.Tags).Value);
        foreach (var filter in new[] { new Filter("vpc-id", [vpc]), new Filter("subnet-id", [subnet]), new Filter("state", ["available"]), new Filter("tag:Name", ["egress"]) })
            Assert.Single((await _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { Filter = [filter] })).NatGateways);

        var eni = await ReadInterfaceAsync(address.NetworkInterfaceId);
        Assert.Equal(("nat_gateway", true, $"Interface for NAT Gateway {created.NatGatewayId}", false), (eni.InterfaceType.Value, eni.RequesterManaged, eni.Description, eni.SourceDestCheck));
        Assert.Equal(12, eni.RequesterId.Length);
        Assert.Empty(eni.Groups ?? []);
        Assert.Equal((NetworkInterfaceStatus.InUse, "amazon-aws", 1), (eni.Status, eni.Attachment.InstanceOwnerId, eni.Attachment.DeviceIndex));
        Assert.StartsWith("ela-attach-", eni.Attachment.AttachmentId);
        Assert.Equal((eip.PublicIp, address.PrivateIp), (eni.Association.PublicIp, eni.PrivateIpAddress));
        var associated = Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [eip.AllocationId] })).Addresses);
        Assert.Equal(eni.NetworkInterfaceId, associated.NetworkInterfaceId);

        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId }));
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));

        Assert.Equal(created.NatGatewayId, (await _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = created.NatGatewayId })).NatGatewayId);
        read = await ReadAsync(created.NatGatewayId);
        Assert.Equal(NatGatewayState.Deleted, read.State);
        Assert.NotNull(read.DeleteTime);
        Assert.Empty((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest
        {
            Filters = [new Filter("network-interface-id", [eni.NetworkInterfaceId])],
        })).NetworkInterfaces ?? []);
        Assert.Null(Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [eip.AllocationId] })).Addresses).AssociationId);
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });
    }

    [Fact]
    public async Task A_private_nat_gateway_takes_the_requested_address_and_no_elastic_ip()
    {
        var (_, subnet) = await NewSubnetAsync();
        var created = (await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet, ConnectivityType = ConnectivityType.Private, PrivateIpAddress = "10.0.1.50",
        })).NatGateway;
        var address = Assert.Single(created.NatGatewayAddresses);
        Assert.Equal(("10.0.1.50", null), (address.PrivateIp, address.PublicIp));
        Assert.Equal(ConnectivityType.Private, (await ReadAsync(created.NatGatewayId)).ConnectivityType);
        Assert.Null((await ReadInterfaceAsync(address.NetworkInterfaceId)).Association);
        await AwsAssert.ErrorCode("InvalidIPAddress.InUse", () => _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet, ConnectivityType = ConnectivityType.Private, PrivateIpAddress = "10.0.1.50",
        }));
        await _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = created.NatGatewayId });
    }

    [Fact]
    public async Task Bad_requests_get_the_aws_error_codes()
    {
        var (_, subnet) = await NewSubnetAsync();
        var eip = await _ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        await AwsAssert.ErrorCode("NatGatewayNotFound", () => _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { NatGatewayIds = ["nat-0123456789abcdef0"] }));
        await AwsAssert.ErrorCode("NatGatewayNotFound", () => _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = "nat-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("NatGatewayMalformed", () => _ec2.DeleteNatGatewayAsync(new DeleteNatGatewayRequest { NatGatewayId = "nat-xyz" }));
        await AwsAssert.ErrorCode("InvalidSubnetID.NotFound", () => _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = "subnet-0123456789abcdef0", AllocationId = eip.AllocationId,
        }));
        await AwsAssert.ErrorCode("MissingParameter", () => _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet }));
        await AwsAssert.ErrorCode("InvalidAllocationID.NotFound", () => _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet, AllocationId = "eipalloc-0123456789abcdef0",
        }));
        await _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = subnet, AllocationId = eip.AllocationId });
        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () => _ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest
        {
            SubnetId = subnet, AllocationId = eip.AllocationId,
        }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest { Filter = [new Filter("color", ["red"])] }));
    }
}

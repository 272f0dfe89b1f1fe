using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// Elastic IP addresses through the AWS SDK on both stores: allocation (unique public addresses, the regional quota),
/// association with interfaces (shown on the interface too), reassociation rules, disassociation and release.
/// </summary>
public abstract class ElasticIpTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : ElasticIpTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : ElasticIpTests(e);

    private const string UnknownAllocation = "eipalloc-0123456789abcdef0";
    private const string UnknownAssociation = "eipassoc-0123456789abcdef0";

    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    /// <summary>A VPC with an internet gateway (an Elastic IP needs one) and a subnet; returns the subnet.</summary>
    private async Task<string> NewPublicSubnetAsync(bool withGateway = true)
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        if (withGateway)
        {
            var gateway = (await _ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
            await _ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        }
        return (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24" })).Subnet.SubnetId;
    }

    private async Task<NetworkInterface> NewInterfaceAsync(string subnet, int secondaries = 0) =>
        (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet, SecondaryPrivateIpAddressCount = secondaries == 0 ? null : secondaries,
        })).NetworkInterface;

    private async Task<AllocateAddressResponse> AllocateAsync(string? name = null) =>
        await _ec2.AllocateAddressAsync(new AllocateAddressRequest
        {
            Domain = DomainType.Vpc,
            TagSpecifications = name is null ? null : [new TagSpecification { ResourceType = ResourceType.ElasticIp, Tags = [new Tag("Name", name)] }],
        });

    private async Task<string> AssociateAsync(string allocation, string eni, string? privateIp = null, bool? reassociate = null) =>
        (await _ec2.AssociateAddressAsync(new AssociateAddressRequest
        {
            AllocationId = allocation, NetworkInterfaceId = eni, PrivateIpAddress = privateIp, AllowReassociation = reassociate,
        })).AssociationId;

    private async Task<Address> ReadAsync(string allocation) =>
        Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { AllocationIds = [allocation] })).Addresses);

    private async Task<List<Address>> DescribeAsync(params Filter[] filters) =>
        (await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { Filters = [.. filters] })).Addresses ?? [];

    private async Task<NetworkInterface> ReadInterfaceAsync(string id) =>
        Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [id] })).NetworkInterfaces);

    [Fact]
    public async Task An_address_is_allocated_associated_disassociated_and_released()
    {
        var allocated = await AllocateAsync("web");
        Assert.StartsWith("eipalloc-", allocated.AllocationId);
        Assert.StartsWith("52.", allocated.PublicIp);
        Assert.Equal((DomainType.Vpc, "amazon", "us-east-1"), (allocated.Domain, allocated.PublicIpv4Pool, allocated.NetworkBorderGroup));

        var read = await ReadAsync(allocated.AllocationId);
        Assert.Equal(allocated.PublicIp, read.PublicIp);
        Assert.Null(read.AssociationId);
        Assert.Equal("web", Assert.Single(read.Tags).Value);
        Assert.Equal(allocated.AllocationId, Assert.Single((await _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { PublicIps = [allocated.PublicIp] })).Addresses).AllocationId);
        Assert.Equal(allocated.AllocationId, Assert.Single(await DescribeAsync(new Filter("tag:Name", ["web"]), new Filter("domain", ["vpc"]))).AllocationId);

        var eni = await NewInterfaceAsync(await NewPublicSubnetAsync());
        var association = await AssociateAsync(allocated.AllocationId, eni.NetworkInterfaceId);
        Assert.StartsWith("eipassoc-", association);
        Assert.Equal(association, await AssociateAsync(allocated.AllocationId, eni.NetworkInterfaceId));

        read = await ReadAsync(allocated.AllocationId);
        Assert.Equal((association, eni.NetworkInterfaceId, eni.PrivateIpAddress, eni.OwnerId),
            (read.AssociationId, read.NetworkInterfaceId, read.PrivateIpAddress, read.NetworkInterfaceOwnerId));
        Assert.Equal(allocated.AllocationId, Assert.Single(await DescribeAsync(new Filter("network-interface-id", [eni.NetworkInterfaceId]))).AllocationId);
        Assert.Single(await DescribeAsync(new Filter("association-id", [association]), new Filter("private-ip-address", [eni.PrivateIpAddress])));

        var shown = (await ReadInterfaceAsync(eni.NetworkInterfaceId)).Association;
        Assert.Equal((allocated.PublicIp, allocated.AllocationId, association, eni.OwnerId), (shown.PublicIp, shown.AllocationId, shown.AssociationId, shown.IpOwnerId));

        await _ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = association });
        read = await ReadAsync(allocated.AllocationId);
        Assert.Null(read.AssociationId);
        Assert.Null(read.NetworkInterfaceId);
        Assert.Null((await ReadInterfaceAsync(eni.NetworkInterfaceId)).Association);

        await _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocated.AllocationId });
        await AwsAssert.ErrorCode("InvalidAllocationID.NotFound", () => ReadAsync(allocated.AllocationId));
        Assert.Empty(await DescribeAsync());
    }

    [Fact]
    public async Task An_associated_address_cannot_be_released()
    {
        var allocation = (await AllocateAsync()).AllocationId;
        var eni = await NewInterfaceAsync(await NewPublicSubnetAsync());
        var association = await AssociateAsync(allocation, eni.NetworkInterfaceId);
        await AwsAssert.ErrorCode("InvalidIPAddress.InUse", () => _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocation }));
        Assert.Equal(association, (await ReadAsync(allocation)).AssociationId);
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_refused()
    {
        var eni = await NewInterfaceAsync(await NewPublicSubnetAsync());
        var allocation = (await AllocateAsync()).AllocationId;
        await AwsAssert.ErrorCode("InvalidAllocationID.NotFound", () => _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = UnknownAllocation }));
        await AwsAssert.ErrorCode("InvalidAllocationID.NotFound", () => ReadAsync(UnknownAllocation));
        await AwsAssert.ErrorCode("InvalidAllocationID.Malformed", () => ReadAsync("eipalloc-nope"));
        await AwsAssert.ErrorCode("InvalidAddress.NotFound", () => _ec2.DescribeAddressesAsync(new DescribeAddressesRequest { PublicIps = ["198.51.100.7"] }));
        await AwsAssert.ErrorCode("InvalidAssociationID.NotFound", () => _ec2.DisassociateAddressAsync(new DisassociateAddressRequest { AssociationId = UnknownAssociation }));
        await AwsAssert.ErrorCode("InvalidAllocationID.NotFound", () => AssociateAsync(UnknownAllocation, eni.NetworkInterfaceId));
        await AwsAssert.ErrorCode("InvalidNetworkInterfaceID.NotFound", () => AssociateAsync(allocation, "eni-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidInstanceID.NotFound", () =>
            _ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = allocation, InstanceId = "i-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => AssociateAsync(allocation, eni.NetworkInterfaceId, "10.0.1.200"));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => DescribeAsync(new Filter("colour", ["red"])));
        Assert.Null((await ReadAsync(allocation)).AssociationId);
    }

    [Fact]
    public async Task The_regional_quota_is_five_addresses()
    {
        for (var i = 0; i < 5; i++) await AllocateAsync();
        await AwsAssert.ErrorCode("AddressLimitExceeded", () => AllocateAsync());
        Assert.Equal(5, (await DescribeAsync()).Count);
    }

    [Fact]
    public async Task Classic_addresses_chosen_addresses_and_other_pools_are_refused()
    {
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Standard }));
        await AwsAssert.ErrorCode("UnsupportedOperation", () => _ec2.AllocateAddressAsync(new AllocateAddressRequest { Address = "52.1.2.3" }));
        await AwsAssert.ErrorCode("InvalidPublicIpv4PoolID.NotFound", () => _ec2.AllocateAddressAsync(new AllocateAddressRequest { PublicIpv4Pool = "ipv4pool-ec2-0123456789abcdef0" }));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => _ec2.AllocateAddressAsync(new AllocateAddressRequest { NetworkBorderGroup = "us-west-2" }));
        Assert.Empty(await DescribeAsync());
    }

    [Fact]
    public async Task Public_addresses_are_never_handed_out_twice_across_accounts()
    {
        var other = emulator.Ec2();
        var addresses = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            addresses.Add((await AllocateAsync()).PublicIp);
            addresses.Add((await other.AllocateAddressAsync(new AllocateAddressRequest())).PublicIp);
        }
        Assert.Equal(addresses.Count, addresses.Distinct().Count());
        Assert.Equal(5, (await DescribeAsync()).Count);
    }

    [Fact]
    public async Task Moving_an_associated_address_needs_allow_reassociation()
    {
        var subnet = await NewPublicSubnetAsync();
        var (first, second) = (await NewInterfaceAsync(subnet), await NewInterfaceAsync(subnet));
        var (a, b) = ((await AllocateAsync()).AllocationId, (await AllocateAsync()).AllocationId);
        await AssociateAsync(a, first.NetworkInterfaceId);

        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () => AssociateAsync(a, second.NetworkInterfaceId));
        await AwsAssert.ErrorCode("Resource.AlreadyAssociated", () => AssociateAsync(b, first.NetworkInterfaceId));

        await AssociateAsync(a, second.NetworkInterfaceId, reassociate: true);
        Assert.Equal(second.NetworkInterfaceId, (await ReadAsync(a)).NetworkInterfaceId);
        Assert.Null((await ReadInterfaceAsync(first.NetworkInterfaceId)).Association);
        Assert.Equal(a, (await ReadInterfaceAsync(second.NetworkInterfaceId)).Association.AllocationId);

        await AssociateAsync(b, second.NetworkInterfaceId, reassociate: true);
        Assert.Null((await ReadAsync(a)).AssociationId);
        Assert.Equal(b, (await ReadInterfaceAsync(second.NetworkInterfaceId)).Association.AllocationId);
    }

    [Fact]
    public async Task An_address_can_go_to_a_secondary_private_address()
    {
        var eni = await NewInterfaceAsync(await NewPublicSubnetAsync(), secondaries: 1);
        var secondary = eni.PrivateIpAddresses.Single(p => p.Primary != true).PrivateIpAddress;
        var allocation = (await AllocateAsync()).AllocationId;
        await AssociateAsync(allocation, eni.NetworkInterfaceId, secondary);
        Assert.Equal(secondary, (await ReadAsync(allocation)).PrivateIpAddress);
        Assert.Null((await ReadInterfaceAsync(eni.NetworkInterfaceId)).Association);
    }

    [Fact]
    public async Task An_address_needs_an_internet_gateway_on_the_interfaces_vpc()
    {
        var eni = await NewInterfaceAsync(await NewPublicSubnetAsync(withGateway: false));
        var allocation = (await AllocateAsync()).AllocationId;
        await AwsAssert.ErrorCode("Gateway.NotAttached", () => AssociateAsync(allocation, eni.NetworkInterfaceId));
        Assert.Null((await ReadAsync(allocation)).AssociationId);
    }

    [Fact]
    public async Task Deleting_an_interface_disassociates_its_address_which_stays_allocated()
    {
        var eni = await NewInterfaceAsync(await NewPublicSubnetAsync());
        var allocation = (await AllocateAsync()).AllocationId;
        await AssociateAsync(allocation, eni.NetworkInterfaceId);
        await _ec2.DeleteNetworkInterfaceAsync(new DeleteNetworkInterfaceRequest { NetworkInterfaceId = eni.NetworkInterfaceId });

        var read = await ReadAsync(allocation);
        Assert.Null(read.AssociationId);
        Assert.Null(read.NetworkInterfaceId);
        await _ec2.ReleaseAddressAsync(new ReleaseAddressRequest { AllocationId = allocation });
    }
}

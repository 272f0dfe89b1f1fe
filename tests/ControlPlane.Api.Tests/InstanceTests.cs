using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using Filter = Amazon.EC2.Model.Filter;

namespace ControlPlane.Api.Tests;

/// <summary>
/// Instances through the AWS SDK on both stores: launch, describe, stop/start, terminate with their primary interfaces,
/// groups by name in the default VPC, attached interfaces, and the read chain Terraform runs on every refresh
/// (instance types, images, volumes, attributes, credit specifications).
/// </summary>
public abstract class InstanceTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : InstanceTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : InstanceTests(e);

    private const string Ami = "ami-0123456789abcdef0";
    private readonly AmazonEC2Client _ec2 = emulator.Ec2();

    private async Task<(string Vpc, string Subnet)> NewNetworkAsync(string cidr = "10.0.1.0/24", string? zone = null)
    {
        var vpc = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16" })).Vpc.VpcId;
        var subnet = (await _ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;
        return (vpc, subnet);
    }

    private async Task<Reservation> RunAsync(Action<RunInstancesRequest>? configure = null)
    {
        var request = new RunInstancesRequest { ImageId = Ami, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1 };
        configure?.Invoke(request);
        return (await _ec2.RunInstancesAsync(request)).Reservation;
    }

    private async Task<Instance> ReadAsync(string id) =>
        Assert.Single(Assert.Single((await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Reservations).Instances);

    private async Task<List<NetworkInterface>> InterfacesInAsync(string subnet) =>
        (await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("subnet-id", [subnet])] })).NetworkInterfaces ?? [];

    [Fact]
    public async Task An_instance_runs_stops_starts_and_terminates_with_its_primary_interface()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var reservation = await RunAsync(r =>
        {
            r.SubnetId = subnet;
            r.TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "web")] }];
        });
        var launched = Assert.Single(reservation.Instances);
        Assert.StartsWith("r-", reservation.ReservationId);
        Assert.Equal("pending", launched.State.Name.Value);
        Assert.Equal(0, launched.State.Code);

        var instance = await ReadAsync(launched.InstanceId);
        Assert.Equal("running", instance.State.Name.Value);
        Assert.Equal(16, instance.State.Code);
        Assert.Equal(vpc, instance.VpcId);
        Assert.Equal(subnet, instance.SubnetId);
        Assert.Equal("10.0.1.4", instance.PrivateIpAddress);
        Assert.Equal("ip-10-0-1-4.ec2.internal", instance.PrivateDnsName);
        Assert.Null(instance.PublicIpAddress);
        Assert.True(instance.SourceDestCheck);
        Assert.Equal("/dev/xvda", instance.RootDeviceName);
        var root = Assert.Single(instance.BlockDeviceMappings);
        Assert.StartsWith("vol-", root.Ebs.VolumeId);
        Assert.Equal("web", Assert.Single(instance.Tags).Value);
        var group = Assert.Single(instance.SecurityGroups);
        Assert.Equal("default", group.GroupName);
        var primary = Assert.Single(instance.NetworkInterfaces);
        Assert.Equal(0, primary.Attachment.DeviceIndex);
        Assert.True(primary.Attachment.DeleteOnTermination);
        var eni = Assert.Single(await InterfacesInAsync(subnet));
        Assert.Equal("in-use", eni.Status.Value);
        Assert.Equal(launched.InstanceId, eni.Attachment.InstanceId);

        var byState = await _ec2.DescribeInstancesAsync(new DescribeInstancesRequest
        {
            Filters = [new Filter("vpc-id", [vpc]), new Filter("instance-state-name", ["running"])],
        });
        Assert.Equal(launched.InstanceId, Assert.Single(Assert.Single(byState.Reservations).Instances).InstanceId);

        var stopping = Assert.Single((await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [launched.InstanceId] })).StoppingInstances);
        Assert.Equal("stopping", stopping.CurrentState.Name.Value);
        Assert.Equal("stopped", (await ReadAsync(launched.InstanceId)).State.Name.Value);
        var starting = Assert.Single((await _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [launched.InstanceId] })).StartingInstances);
        Assert.Equal("pending", starting.CurrentState.Name.Value);
        Assert.Equal("running", (await ReadAsync(launched.InstanceId)).State.Name.Value);

        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet }));

        var change = Assert.Single((await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [launched.InstanceId] })).TerminatingInstances);
        Assert.Equal("shutting-down", change.CurrentState.Name.Value);
        Assert.Equal("running", change.PreviousState.Name.Value);
        Assert.Equal("terminated", (await ReadAsync(launched.InstanceId)).State.Name.Value);
        Assert.Empty(await InterfacesInAsync(subnet));
        await AwsAssert.ErrorCode("IncorrectInstanceState", () => _ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [launched.InstanceId] }));

        // The primary address went back to the subnet: the next instance gets it.
        var next = Assert.Single((await RunAsync(r => r.SubnetId = subnet)).Instances);
        Assert.Equal("10.0.1.4", next.PrivateIpAddress);
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [next.InstanceId] });

        // Terminated instances hold nothing: the subnet can go.
        await _ec2.DeleteSubnetAsync(new DeleteSubnetRequest { SubnetId = subnet });
        await AwsAssert.ErrorCode("InvalidSubnetID.NotFound", () => _ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet] }));
    }

    [Fact]
    public async Task Without_a_subnet_an_instance_lands_in_the_default_vpc_with_groups_by_name_and_a_public_address()
    {
        var defaultVpc = Assert.Single((await _ec2.DescribeVpcsAsync(new DescribeVpcsRequest { Filters = [new Filter("is-default", ["true"])] })).Vpcs).VpcId;
        var web = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = defaultVpc })).GroupId;

        var instance = Assert.Single((await RunAsync(r =>
        {
            r.SecurityGroups = ["web"];
            r.Placement = new Placement { AvailabilityZone = "us-east-1b" };
        })).Instances);
        Assert.Equal(defaultVpc, instance.VpcId);
        Assert.Equal("us-east-1b", instance.Placement.AvailabilityZone);
        Assert.Equal(web, Assert.Single(instance.SecurityGroups).GroupId);
        Assert.NotNull(instance.PublicIpAddress);
        Assert.StartsWith("3.", instance.PublicIpAddress);

        await AwsAssert.ErrorCode("InvalidGroup.NotFound", () => RunAsync(r => r.SecurityGroups = ["nope"]));
        var (_, subnet) = await NewNetworkAsync();
        await AwsAssert.ErrorCode("InvalidParameterCombination", () => RunAsync(r => { r.SubnetId = subnet; r.SecurityGroups = ["web"]; }));
        await AwsAssert.ErrorCode("InvalidParameter", () => RunAsync(r => { r.SubnetId = subnet; r.SecurityGroupIds = [web]; }));
    }

    [Fact]
    public async Task Bad_launches_fail_with_their_aws_errors_and_create_nothing()
    {
        var (_, subnet) = await NewNetworkAsync();
        await AwsAssert.ErrorCode("InvalidParameterValue", () => RunAsync(r => { r.SubnetId = subnet; r.InstanceType = "t3.gigantic"; }));
        await AwsAssert.ErrorCode("InvalidSubnetID.NotFound", () => RunAsync(r => r.SubnetId = "subnet-0123456789abcdef0"));
        await AwsAssert.ErrorCode("InvalidParameterCombination", () => RunAsync(r =>
        {
            r.SubnetId = subnet;
            r.NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet }];
        }));
        await AwsAssert.ErrorCode("InstanceLimitExceeded", () => RunAsync(r => { r.SubnetId = subnet; r.MinCount = 21; r.MaxCount = 25; }));
        Assert.Empty(await InterfacesInAsync(subnet));

        // MaxCount beyond the quota launches what fits.
        var many = await RunAsync(r => { r.SubnetId = subnet; r.MinCount = 1; r.MaxCount = 25; });
        Assert.Equal(20, many.Instances.Count);
        Assert.Equal(Enumerable.Range(0, 20), many.Instances.Select(i => i.AmiLaunchIndex ?? -1).Order());
        Assert.Equal(20, many.Instances.Select(i => i.PrivateIpAddress).Distinct().Count());
        await AwsAssert.ErrorCode("InstanceLimitExceeded", () => RunAsync(r => r.SubnetId = subnet));

        await AwsAssert.ErrorCode("InvalidInstanceID.NotFound", () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        await AwsAssert.ErrorCode("InvalidInstanceID.Malformed", () => _ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["instance-1"] }));
    }

    [Fact]
    public async Task Protected_instances_refuse_termination_and_stop_until_modified()
    {
        var (_, subnet) = await NewNetworkAsync();
        var id = Assert.Single((await RunAsync(r => { r.SubnetId = subnet; r.DisableApiTermination = true; r.DisableApiStop = true; })).Instances).InstanceId;
        await AwsAssert.ErrorCode("OperationNotPermitted", () => _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] }));
        await AwsAssert.ErrorCode("OperationNotPermitted", () => _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] }));
        await AwsAssert.ErrorCode("IncorrectInstanceState", () => _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t3.small" }));

        await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiStop = false });
        await _ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [id] });
        await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, InstanceType = "t3.small" });
        Assert.Equal("t3.small", (await ReadAsync(id)).InstanceType.Value);
        await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, DisableApiTermination = false });
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
    }

    [Fact]
    public async Task Terraform_reads_the_instance_attributes_types_volume_and_credits()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var id = Assert.Single((await RunAsync(r => { r.SubnetId = subnet; r.UserData = "ZWNobyBoaQ=="; })).Instances).InstanceId;

        async Task<InstanceAttribute> Attribute(InstanceAttributeName name) =>
            (await _ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = id, Attribute = name })).InstanceAttribute;
        Assert.Equal("stop", (await Attribute(InstanceAttributeName.InstanceInitiatedShutdownBehavior)).InstanceInitiatedShutdownBehavior);
        Assert.False((await Attribute(InstanceAttributeName.DisableApiStop)).DisableApiStop);
        Assert.False((await Attribute(InstanceAttributeName.DisableApiTermination)).DisableApiTermination);
        Assert.Equal("ZWNobyBoaQ==", (await Attribute(InstanceAttributeName.UserData)).UserData);
        Assert.Equal("t3.micro", (await Attribute(InstanceAttributeName.InstanceType)).InstanceType);
        Assert.Equal("default", Assert.Single((await Attribute(InstanceAttributeName.GroupSet)).Groups).GroupName);
        Assert.True((await Attribute(InstanceAttributeName.SourceDestCheck)).SourceDestCheck);

        var web = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc })).GroupId;
        await _ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = id, Groups = [web] });
        Assert.Equal(web, Assert.Single((await ReadAsync(id)).SecurityGroups).GroupId);
        await AwsAssert.ErrorCode("DependencyViolation", () => _ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = web }));

        var type = Assert.Single((await _ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t3.micro"] })).InstanceTypes);
        Assert.True(type.BurstablePerformanceSupported);
        Assert.Equal(2, type.VCpuInfo.DefaultVCpus);
        Assert.Equal(1024, type.MemoryInfo.SizeInMiB);
        Assert.Contains("x86_64", type.ProcessorInfo.SupportedArchitectures);
        await AwsAssert.ErrorCode("InvalidInstanceType", () => _ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["t3.gigantic"] }));

        var rootVolume = (await ReadAsync(id)).BlockDeviceMappings[0].Ebs.VolumeId;
        var volume = Assert.Single((await _ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [rootVolume] })).Volumes);
        Assert.Equal(id, Assert.Single(volume.Attachments).InstanceId);
        Assert.Equal("in-use", volume.State.Value);

        var credits = Assert.Single((await _ec2.DescribeInstanceCreditSpecificationsAsync(new DescribeInstanceCreditSpecificationsRequest { InstanceIds = [id] })).InstanceCreditSpecifications);
        Assert.Equal("unlimited", credits.CpuCredits);

        Assert.Equal("", (await _ec2.GetInstanceUefiDataAsync(new GetInstanceUefiDataRequest { InstanceId = id })).UefiData ?? "");
        await AwsAssert.ErrorCode("InvalidInstanceID.Malformed", () => _ec2.GetInstanceUefiDataAsync(new GetInstanceUefiDataRequest { InstanceId = Ami }));
    }

    [Fact]
    public async Task Describe_images_finds_the_newest_amazon_linux_by_name_wildcard()
    {
        var images = (await _ec2.DescribeImagesAsync(new DescribeImagesRequest
        {
            Owners = ["amazon"],
            Filters = [new Filter("name", ["amzn2-ami-hvm-*-x86_64-gp2"]), new Filter("architecture", ["x86_64"])],
            IncludeDeprecated = false,
        })).Images ?? [];
        Assert.True(images.Count >= 2);
        Assert.All(images, i => Assert.Equal("amazon", i.ImageOwnerAlias));
        var newest = images.OrderByDescending(i => DateTimeOffset.Parse(i.CreationDate, System.Globalization.CultureInfo.InvariantCulture)).First();
        Assert.Contains("20250306", newest.Name);
        Assert.Empty((await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["self"] })).Images ?? []);
        Assert.NotEmpty((await _ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["099720109477"] })).Images ?? []);
        await AwsAssert.ErrorCode("InvalidAMIID.NotFound", () => _ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [Ami] }));
    }

    [Fact]
    public async Task An_extra_interface_attaches_at_a_free_device_index_and_detaches()
    {
        var (_, subnet) = await NewNetworkAsync(zone: "us-east-1a");
        var id = Assert.Single((await RunAsync(r => r.SubnetId = subnet)).Instances).InstanceId;
        var extra = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId;
        var another = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = subnet })).NetworkInterface.NetworkInterfaceId;

        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = extra, InstanceId = id, DeviceIndex = 0 }));
        var attachment = (await _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = extra, InstanceId = id, DeviceIndex = 1 })).AttachmentId;
        Assert.StartsWith("eni-attach-", attachment);
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = another, InstanceId = id, DeviceIndex = 1 }));
        Assert.Equal(2, (await ReadAsync(id)).NetworkInterfaces.Count);
        var eni = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [extra] })).NetworkInterfaces);
        Assert.Equal("in-use", eni.Status.Value);
        Assert.Equal(id, eni.Attachment.InstanceId);
        Assert.False(eni.Attachment.DeleteOnTermination);

        var (_, otherZone) = await NewNetworkAsync("10.0.2.0/24", "us-east-1b");
        var far = (await _ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = otherZone })).NetworkInterface.NetworkInterfaceId;
        await AwsAssert.ErrorCode("InvalidParameterValue", () =>
            _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = far, InstanceId = id, DeviceIndex = 2 }));

        await _ec2.DetachNetworkInterfaceAsync(new DetachNetworkInterfaceRequest { AttachmentId = attachment });
        Assert.Single((await ReadAsync(id)).NetworkInterfaces);

        // Terminating keeps an attached interface that is not deleted on termination, detached.
        await _ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = extra, InstanceId = id, DeviceIndex = 1 });
        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [id] });
        var left = Assert.Single((await _ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [extra] })).NetworkInterfaces);
        Assert.Equal("available", left.Status.Value);
        Assert.Equal(2, (await InterfacesInAsync(subnet)).Count);
    }

    [Fact]
    public async Task A_client_token_answers_the_same_reservation()
    {
        var (_, subnet) = await NewNetworkAsync();
        var first = await RunAsync(r => { r.SubnetId = subnet; r.ClientToken = "launch-1"; });
        var again = await RunAsync(r => { r.SubnetId = subnet; r.ClientToken = "launch-1"; });
        Assert.Equal(first.ReservationId, again.ReservationId);
        Assert.Equal(first.Instances[0].InstanceId, again.Instances[0].InstanceId);
        Assert.Single(await InterfacesInAsync(subnet));
    }

    [Fact]
    public async Task A_launch_with_network_interfaces_builds_each_one_and_terminating_frees_their_addresses()
    {
        var (vpc, subnet) = await NewNetworkAsync();
        var web = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc })).GroupId;
        var instance = Assert.Single((await RunAsync(r => r.NetworkInterfaces =
        [
            new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet, Groups = [web], PrivateIpAddress = "10.0.1.10", AssociatePublicIpAddress = true },
            new InstanceNetworkInterfaceSpecification { DeviceIndex = 1, SubnetId = subnet, DeleteOnTermination = true },
        ])).Instances);
        Assert.Equal("10.0.1.10", instance.PrivateIpAddress);
        Assert.NotNull(instance.PublicIpAddress);
        Assert.Equal(web, Assert.Single(instance.SecurityGroups).GroupId);
        Assert.Equal([0, 1], (await ReadAsync(instance.InstanceId)).NetworkInterfaces.Select(n => n.Attachment.DeviceIndex ?? -1).Order());
        Assert.Equal(2, (await InterfacesInAsync(subnet)).Count);

        await AwsAssert.ErrorCode("InvalidIPAddress.InUse", () => RunAsync(r => { r.SubnetId = subnet; r.PrivateIpAddress = "10.0.1.10"; }));
        var other = (await _ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.1.0.0/16" })).Vpc.VpcId;
        var foreign = (await _ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "x", Description = "x", VpcId = other })).GroupId;
        await AwsAssert.ErrorCode("InvalidParameter", () => RunAsync(r => r.NetworkInterfaces =
            [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet, Groups = [foreign] }]));

        await _ec2.TerminateInstancesAsync(new TerminateInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.Empty(await InterfacesInAsync(subnet));
        Assert.Equal("10.0.1.10", Assert.Single((await RunAsync(r => { r.SubnetId = subnet; r.PrivateIpAddress = "10.0.1.10"; })).Instances).PrivateIpAddress);
    }

    [Fact]
    public async Task Addresses_listed_in_the_interface_specification_are_the_ones_the_instance_gets()
    {
        // The AWS CLI's --private-ip-address with --associate-public-ip-address arrives as this list (primary entry first).
        var (_, subnet) = await NewNetworkAsync();
        var instance = Assert.Single((await RunAsync(r => r.NetworkInterfaces =
        [
            new InstanceNetworkInterfaceSpecification
            {
                DeviceIndex = 0, SubnetId = subnet, AssociatePublicIpAddress = true,
                PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.20", Primary = true }, new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.21", Primary = false }],
            },
        ])).Instances);

        Assert.Equal("10.0.1.20", instance.PrivateIpAddress);
        Assert.NotNull(instance.PublicIpAddress);
        var eni = Assert.Single(await InterfacesInAsync(subnet));
        Assert.Equal([("10.0.1.20", true), ("10.0.1.21", false)], eni.PrivateIpAddresses.Select(a => (a.PrivateIpAddress, a.Primary ?? false)).OrderBy(a => a.PrivateIpAddress));
        await AwsAssert.ErrorCode("InvalidParameterValue", () => RunAsync(r => r.NetworkInterfaces =
            [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = subnet, PrivateIpAddresses = [new PrivateIpAddressSpecification { PrivateIpAddress = "10.0.1.300" }] }]));
    }
}

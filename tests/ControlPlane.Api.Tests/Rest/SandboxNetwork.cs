using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.EC2;
using Amazon.EC2.Model;

namespace ControlPlane.Api.Tests.Rest;

/// <summary>A network with something of every kind, built through the AWS SDK, and the SDK's view of it for comparisons.</summary>
internal static class SandboxNetwork
{
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = true };

    public static async Task BuildAsync(AmazonEC2Client ec2)
    {
        var vpc = (await ec2.CreateVpcAsync(new CreateVpcRequest
        {
            CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = true,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Vpc, Tags = [new Tag("Name", "sandbox")] }],
        })).Vpc.VpcId;
        var subnet = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.1.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;
        var other = (await ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = "10.0.2.0/24", AvailabilityZone = "us-east-1a" })).Subnet.SubnetId;

        var list = (await ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "office", AddressFamily = "IPv4", MaxEntries = 3, Entries = [new AddPrefixListEntry { Cidr = "192.168.0.0/16", Description = "hq" }],
        })).PrefixList.PrefixListId;
        var web = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "web", Description = "web", VpcId = vpc })).GroupId;
        var db = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = "db", Description = "db", VpcId = vpc,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.SecurityGroup, Tags = [new Tag("tier", "data")] }],
        })).GroupId;
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = web,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 443, ToPort = 443, Ipv4Ranges = [new IpRange { CidrIp = "0.0.0.0/0", Description = "https" }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, PrefixListIds = [new PrefixListId { Id = list }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 80, ToPort = 80, Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] },
            ],
        });
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = db, IpPermissions = [new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = web }] }],
        });

        var acl = (await ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc })).NetworkAcl.NetworkAclId;
        await ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 100, Protocol = "6", RuleAction = RuleAction.Allow, Egress = false, CidrBlock = "0.0.0.0/0", PortRange = new PortRange { From = 443, To = 443 },
        });
        await ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 200, Protocol = "1", RuleAction = RuleAction.Deny, Egress = true, CidrBlock = "10.9.0.0/16", IcmpTypeCode = new IcmpTypeCode { Type = 8, Code = -1 },
        });
        var defaultAcl = (await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("vpc-id", [vpc]), new Filter("default", ["true"])] })).NetworkAcls[0];
        var association = defaultAcl.Associations.Single(a => a.SubnetId == subnet).NetworkAclAssociationId;
        await ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = acl });

        var eni = (await ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest
        {
            SubnetId = subnet, Groups = [web, db], PrivateIpAddress = "10.0.1.20", SecondaryPrivateIpAddressCount = 2, Description = "app",
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.NetworkInterface, Tags = [new Tag("Name", "app")] }],
        })).NetworkInterface.NetworkInterfaceId;
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = "ami-0123456789abcdef0", InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, SubnetId = other, SecurityGroupIds = [db],
        })).Reservation.Instances[0].InstanceId;
        await ec2.AttachNetworkInterfaceAsync(new AttachNetworkInterfaceRequest { NetworkInterfaceId = eni, InstanceId = instance, DeviceIndex = 1 });

        var igw = (await ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = igw, VpcId = vpc });
        var table = (await ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw });
        await ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "172.16.0.0/12", NetworkInterfaceId = eni });
        await ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationPrefixListId = list, GatewayId = igw });
        await ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = subnet });
        var address = (await ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc })).AllocationId;
        await ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = address, NetworkInterfaceId = eni });

        // Reachability Analyzer: a path and an analysis of it (entity types that came after the sandbox; they move with it).
        var path = (await ec2.CreateNetworkInsightsPathAsync(new CreateNetworkInsightsPathRequest
        {
            Source = instance, Destination = eni, Protocol = "tcp", DestinationPort = 5432,
            TagSpecifications = [new TagSpecification { ResourceType = "network-insights-path", Tags = [new Tag("Name", "db")] }],
        })).NetworkInsightsPath.NetworkInsightsPathId;
        await ec2.StartNetworkInsightsAnalysisAsync(new StartNetworkInsightsAnalysisRequest { NetworkInsightsPathId = path });
    }

    /// <summary>What the AWS SDK answers for the scope, as one comparable text.</summary>
    public static async Task<string> DescribeAsync(AmazonEC2Client ec2) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["SecurityGroups"] = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups,
            ["NetworkAcls"] = (await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest())).NetworkAcls,
            ["NetworkInterfaces"] = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces,
            ["SecurityGroupRules"] = (await ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest())).SecurityGroupRules,
            ["Vpcs"] = (await ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs,
            ["Subnets"] = (await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets,
            ["RouteTables"] = (await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest())).RouteTables,
            ["Reservations"] = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations,
            ["Addresses"] = (await ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses,
            ["PrefixLists"] = (await ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest())).PrefixLists,
            ["InternetGateways"] = (await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest())).InternetGateways,
            ["Tags"] = (await ec2.DescribeTagsAsync(new DescribeTagsRequest())).Tags,
            ["NetworkInsightsPaths"] = (await ec2.DescribeNetworkInsightsPathsAsync(new DescribeNetworkInsightsPathsRequest())).NetworkInsightsPaths,
            ["NetworkInsightsAnalyses"] = (await ec2.DescribeNetworkInsightsAnalysesAsync(new DescribeNetworkInsightsAnalysesRequest())).NetworkInsightsAnalyses,
        }, Json);
}

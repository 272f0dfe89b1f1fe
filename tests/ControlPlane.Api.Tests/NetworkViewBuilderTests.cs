using Amazon.EC2;
using Amazon.EC2.Model;
using ControlPlane.Api.Tests.Infrastructure;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Reachability;
using ControlPlane.Reachability.View;
using Microsoft.Extensions.DependencyInjection;
using Filter = Amazon.EC2.Model.Filter;
using RouteState = ControlPlane.Reachability.View.RouteState;

namespace ControlPlane.Api.Tests;

/// <summary>
/// The evaluator's input is what the Describe actions show: a network with every kind of resource is built through the
/// API, then the view the store builds is compared with the Describe answers, resource by resource, on both stores.
/// </summary>
public abstract class NetworkViewBuilderTests(Emulator emulator)
{
    [Collection(SqliteCollection.Name)] public sealed class OnSqlite(SqliteEmulator e) : NetworkViewBuilderTests(e);
    [Collection(PostgresCollection.Name)] public sealed class OnPostgres(PostgresEmulator e) : NetworkViewBuilderTests(e);

    private const string Ami = "ami-0123456789abcdef0";
    private readonly string _account = emulator.NewAccount();
    private AmazonEC2Client? _client;

    private AmazonEC2Client Ec2 => _client ??= emulator.Ec2(_account);

    [Fact]
    public async Task The_view_holds_what_the_describe_actions_show()
    {
        await BuildNetworkAsync();
        var view = await BuildViewAsync();
        Assert.Equal(_account, view.AccountId);
        Assert.Equal("us-east-1", view.Region);

        var vpcs = (await Ec2.DescribeVpcsAsync(new DescribeVpcsRequest())).Vpcs;
        Same(
            vpcs.Select(v => $"{v.VpcId} {v.OwnerId} {string.Join(",", v.CidrBlockAssociationSet.Select(c => c.CidrBlock).Concat((v.Ipv6CidrBlockAssociationSet ?? []).Select(c => c.Ipv6CidrBlock)))}").Order(),
            view.Vpcs.Select(v => $"{v.Id} {v.OwnerId} {string.Join(",", v.CidrBlocks)}").Order());

        var subnets = (await Ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest())).Subnets;
        Same(
            subnets.Select(s => $"{s.SubnetId} {s.VpcId} {s.AvailabilityZone} {s.CidrBlock} {(s.Ipv6CidrBlockAssociationSet ?? []).FirstOrDefault()?.Ipv6CidrBlock}").Order(),
            view.Subnets.Select(s => $"{s.Id} {s.VpcId} {s.AvailabilityZone} {s.Ipv4CidrBlock} {s.Ipv6CidrBlock}").Order());

        var tables = (await Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest())).RouteTables;
        Same(
            tables.Select(t => $"{t.RouteTableId} {t.VpcId} main={(t.Associations ?? []).Any(a => a.Main == true)} [{string.Join(",", (t.Associations ?? []).Select(a => a.SubnetId).OfType<string>().Order(StringComparer.Ordinal))}] "
                + string.Join(" | ", (t.Routes ?? []).Select(r => $"{r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId} -> "
                    + $"{r.GatewayId ?? r.EgressOnlyInternetGatewayId ?? r.NatGatewayId ?? r.NetworkInterfaceId ?? r.InstanceId ?? r.VpcPeeringConnectionId ?? r.TransitGatewayId} {r.State.Value} {r.Origin.Value}"))).Order(),
            view.RouteTables.Select(t => $"{t.Id} {t.VpcId} main={t.IsMain} [{string.Join(",", t.SubnetIds)}] "
                + string.Join(" | ", t.Routes.Select(r => $"{(object?)r.DestinationCidr ?? r.DestinationPrefixListId} -> {r.TargetId} {(r.State == RouteState.Active ? "active" : "blackhole")} {r.Origin}"))).Order());
        Assert.Contains(view.RouteTables.SelectMany(t => t.Routes), r => r.State == RouteState.Blackhole && r.TargetKind == RouteTargetKind.InternetGateway);
        Assert.Contains(view.RouteTables.SelectMany(t => t.Routes), r => r.DestinationPrefixListId is not null && r.TargetKind == RouteTargetKind.GatewayVpcEndpoint);

        var acls = (await Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest())).NetworkAcls;
        Same(
            acls.Select(a => $"{a.NetworkAclId} {a.VpcId} default={a.IsDefault} [{string.Join(",", (a.Associations ?? []).Select(x => x.SubnetId).Order(StringComparer.Ordinal))}] "
                + string.Join(" | ", (a.Entries ?? []).Select(e => $"{e.RuleNumber} {e.Egress} {e.Protocol} {e.RuleAction.Value} {e.CidrBlock ?? e.Ipv6CidrBlock} "
                    + $"{(e.Protocol is "6" or "17" && e.PortRange is { } p ? $"{p.From}-{p.To}" : "")}{(e.Protocol is "1" or "58" && e.IcmpTypeCode is { } i ? $"icmp {i.Type}/{i.Code}" : "")}"))).Order(),
            view.NetworkAcls.Select(a => $"{a.Id} {a.VpcId} default={a.IsDefault} [{string.Join(",", a.SubnetIds)}] "
                + string.Join(" | ", (a.Entries ?? []).Select(e => $"{e.RuleNumber} {e.Egress} {e.Protocol} {(e.Allow ? "allow" : "deny")} {e.Cidr} "
                    + $"{(e.Ports is { } p ? $"{p.From}-{p.To}" : "")}{(e.Protocol is 1 or 58 ? $"icmp {e.IcmpType}/{e.IcmpCode}" : "")}"))).Order());
        Assert.Contains(view.NetworkAcls.SelectMany(a => a.Entries), e => e.IsDefaultDeny && e.Cidr.IsIpv6);

        var rules = (await Ec2.DescribeSecurityGroupRulesAsync(new DescribeSecurityGroupRulesRequest())).SecurityGroupRules;
        Same(
            rules.Select(r => $"{r.GroupId} {r.SecurityGroupRuleId} {r.IsEgress} {r.IpProtocol} {r.FromPort} {r.ToPort} "
                + $"{r.CidrIpv4 ?? r.CidrIpv6 ?? r.PrefixListId ?? r.ReferencedGroupInfo?.GroupId}").Order(),
            view.SecurityGroups.SelectMany(g => g.Rules.Select(r => $"{g.Id} {r.RuleId} {r.Egress} {WireProtocol(r.Protocol)} {r.FromPort ?? -1} {r.ToPort ?? -1} "
                + $"{(object?)r.Peer.Cidr ?? r.Peer.PrefixListId ?? r.Peer.GroupId}")).Order());
        var groups = (await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest())).SecurityGroups;
        Assert.Equal(groups.Select(g => $"{g.GroupId} {g.VpcId} {g.GroupName}").Order(), view.SecurityGroups.Select(g => $"{g.Id} {g.VpcId} {g.Name}").Order());

        var interfaces = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest())).NetworkInterfaces;
        // DescribeNetworkInterfaces shows the public address of the primary private address; DescribeAddresses every Elastic IP's.
        var elastic = (await Ec2.DescribeAddressesAsync(new DescribeAddressesRequest())).Addresses
            .Where(a => a.NetworkInterfaceId is not null).ToDictionary(a => (a.NetworkInterfaceId, a.PrivateIpAddress), a => a.PublicIp);
        Same(
            interfaces.Select(n => $"{n.NetworkInterfaceId} {n.SubnetId} {n.VpcId} {n.Status.Value} {n.InterfaceType.Value} managed={n.RequesterManaged} sdc={n.SourceDestCheck} "
                + $"owner={n.Attachment?.InstanceId} [{string.Join(",", (n.PrivateIpAddresses ?? []).Select(p => $"{p.PrivateIpAddress}{(p.Primary == true ? "*" : "")}={p.Association?.PublicIp ?? elastic.GetValueOrDefault((n.NetworkInterfaceId, p.PrivateIpAddress))}"))}] "
                + $"[{string.Join(",", (n.Ipv6Addresses ?? []).Select(a => a.Ipv6Address))}] [{string.Join(",", (n.Groups ?? []).Select(g => g.GroupId))}]").Order(),
            view.NetworkInterfaces.Select(n => $"{n.Id} {n.SubnetId} {n.VpcId} {n.Status} {n.InterfaceType} managed={n.RequesterManaged} sdc={n.SourceDestCheck} "
                + $"owner={(n.OwnerId?.StartsWith("i-", StringComparison.Ordinal) == true ? n.OwnerId : null)} [{string.Join(",", n.PrivateIpAddresses.Select(p => $"{p.Address}{(p.Primary ? "*" : "")}={p.PublicIp}"))}] "
                + $"[{string.Join(",", n.Ipv6Addresses)}] [{string.Join(",", n.GroupIds)}]").Order());
        Assert.Contains(view.NetworkInterfaces.SelectMany(n => n.PrivateIpAddresses), p => !p.Primary && p.PublicIp is not null);
        Assert.Contains(view.NetworkInterfaces, n => n.InterfaceType == "nat_gateway" && n.OwnerId?.StartsWith("nat-", StringComparison.Ordinal) == true);

        var lists = (await Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest())).PrefixLists;
        Assert.Equal(lists.Select(l => l.PrefixListId).Order(), view.PrefixLists.Select(l => l.Id).Order());
        foreach (var list in lists)
        {
            var entries = (await Ec2.GetManagedPrefixListEntriesAsync(new GetManagedPrefixListEntriesRequest { PrefixListId = list.PrefixListId })).Entries;
            Assert.Equal(entries.Select(e => e.Cidr).Order(), view.PrefixLists.Single(l => l.Id == list.PrefixListId).Cidrs.Select(c => c.ToString()).Order());
        }

        var gateways = (await Ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest())).InternetGateways;
        var egressOnly = (await Ec2.DescribeEgressOnlyInternetGatewaysAsync(new DescribeEgressOnlyInternetGatewaysRequest())).EgressOnlyInternetGateways;
        var nats = (await Ec2.DescribeNatGatewaysAsync(new DescribeNatGatewaysRequest())).NatGateways;
        Same(
            gateways.Select(g => $"{g.InternetGatewayId} {(g.Attachments ?? []).FirstOrDefault()?.VpcId}")
                .Concat(egressOnly.Select(g => $"{g.EgressOnlyInternetGatewayId} {g.Attachments[0].VpcId}"))
                .Concat(nats.Select(g => $"{g.NatGatewayId} {g.VpcId}")).Order(),
            view.Gateways.Select(g => $"{g.Id} {g.VpcId}").Order());

        var peerings = (await Ec2.DescribeVpcPeeringConnectionsAsync(new DescribeVpcPeeringConnectionsRequest())).VpcPeeringConnections;
        Same(
            peerings.Select(p => $"{p.VpcPeeringConnectionId} {p.Status.Code.Value} {p.RequesterVpcInfo.VpcId}={p.RequesterVpcInfo.CidrBlock} {p.AccepterVpcInfo.VpcId}={p.AccepterVpcInfo.CidrBlock}").Order(),
            view.PeeringConnections.Select(p => $"{p.Id} {p.Status} {p.Requester.VpcId}={p.Requester.CidrBlocks[0]} {p.Accepter.VpcId}={p.Accepter.CidrBlocks[0]}").Order());

        var instances = (await Ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations.SelectMany(r => r.Instances);
        var endpoints = (await Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest())).VpcEndpoints;
        Same(
            instances.Select(i => $"{i.InstanceId} instance {i.State.Name.Value} {(i.Tags ?? []).FirstOrDefault(t => t.Key == "Name")?.Value}")
                .Concat(nats.Select(g => $"{g.NatGatewayId} nat-gateway {g.State.Value} "))
                // The SDK reads endpoint states into capitalised constants ("Available"): compared without case.
                .Concat(endpoints.Select(e => $"{e.VpcEndpointId} vpc-endpoint {e.State.Value.ToLowerInvariant()} ")).Order(),
            view.Owners.Select(o => $"{o.Id} {o.Type} {o.State} {o.Name}").Order());
        Assert.All(view.Owners, o => Assert.Equal($"arn:aws:ec2:us-east-1:{_account}:{(o.Type == "nat-gateway" ? "natgateway" : o.Type)}/{o.Id}", o.Arn));
    }

    [Fact]
    public async Task The_view_carries_the_scopes_state_version_which_every_change_moves()
    {
        var vpc = await NewVpcAsync("10.5.0.0/16");
        var before = await BuildViewAsync();
        await NewSubnetAsync(vpc, "10.5.1.0/24", "us-east-1a");
        var after = await BuildViewAsync();
        Assert.True(after.Version > before.Version);
        Assert.Single(after.Subnets, s => s.VpcId == vpc);
        Assert.DoesNotContain(before.Subnets, s => s.VpcId == vpc);
    }

    /// <summary>One line per resource, compared as text so a failure shows the line that differs.</summary>
    private static void Same(IEnumerable<string> described, IEnumerable<string> viewed) =>
        Assert.Equal(string.Join("\n", described.Order(StringComparer.Ordinal)), string.Join("\n", viewed.Order(StringComparer.Ordinal)));

    private async Task<NetworkView> BuildViewAsync()
    {
        await using var scope = emulator.Services.CreateAsyncScope();
        var request = scope.ServiceProvider.GetRequiredService<RequestContext>();
        (request.AccountId, request.Region) = (_account, "us-east-1");
        return await scope.ServiceProvider.GetRequiredService<NetworkViewBuilder>().BuildAsync(CancellationToken.None);
    }

    /// <summary>
    /// Two peered VPCs (one with IPv6), subnets with a custom ACL and route table (an internet route, a blackhole route,
    /// a Gateway endpoint's prefix-list route), groups with CIDR, prefix-list and group rules, interfaces with secondary
    /// addresses, an Elastic IP on a secondary address, an instance, a NAT gateway and an egress-only gateway.
    /// </summary>
    private async Task BuildNetworkAsync()
    {
        var vpc = (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = "10.0.0.0/16", AmazonProvidedIpv6CidrBlock = true })).Vpc.VpcId;
        var peer = await NewVpcAsync("10.1.0.0/16");
        var web = await NewSubnetAsync(vpc, "10.0.1.0/24", "us-east-1a");
        var db = await NewSubnetAsync(vpc, "10.0.2.0/24", "us-east-1b");

        var acl = (await Ec2.CreateNetworkAclAsync(new CreateNetworkAclRequest { VpcId = vpc })).NetworkAcl.NetworkAclId;
        await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 100, Egress = false, Protocol = "6", RuleAction = RuleAction.Allow, CidrBlock = "10.0.1.0/24", PortRange = new PortRange { From = 5432, To = 5432 },
        });
        await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 110, Egress = false, Protocol = "1", RuleAction = RuleAction.Deny, CidrBlock = "0.0.0.0/0", IcmpTypeCode = new IcmpTypeCode { Type = 8, Code = -1 },
        });
        await Ec2.CreateNetworkAclEntryAsync(new CreateNetworkAclEntryRequest
        {
            NetworkAclId = acl, RuleNumber = 100, Egress = true, Protocol = "-1", RuleAction = RuleAction.Allow, Ipv6CidrBlock = "::/0",
        });
        var association = (await Ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("association.subnet-id", [db])] }))
            .NetworkAcls[0].Associations.Single(a => a.SubnetId == db).NetworkAclAssociationId;
        await Ec2.ReplaceNetworkAclAssociationAsync(new ReplaceNetworkAclAssociationRequest { AssociationId = association, NetworkAclId = acl });

        var gateway = (await Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = gateway, VpcId = vpc });
        var loose = (await Ec2.CreateInternetGatewayAsync(new CreateInternetGatewayRequest())).InternetGateway.InternetGatewayId;
        await Ec2.AttachInternetGatewayAsync(new AttachInternetGatewayRequest { InternetGatewayId = loose, VpcId = peer });
        await Ec2.CreateEgressOnlyInternetGatewayAsync(new CreateEgressOnlyInternetGatewayRequest { VpcId = vpc });
        var table = (await Ec2.CreateRouteTableAsync(new CreateRouteTableRequest { VpcId = vpc })).RouteTable.RouteTableId;
        await Ec2.AssociateRouteTableAsync(new AssociateRouteTableRequest { RouteTableId = table, SubnetId = web });
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "0.0.0.0/0", GatewayId = gateway });
        var peerTable = (await Ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [peer])] })).RouteTables[0].RouteTableId;
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = peerTable, DestinationCidrBlock = "0.0.0.0/0", GatewayId = loose });
        await Ec2.DetachInternetGatewayAsync(new DetachInternetGatewayRequest { InternetGatewayId = loose, VpcId = peer });
        await Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest { VpcId = vpc, ServiceName = "com.amazonaws.us-east-1.s3", RouteTableIds = [table] });

        var peering = (await Ec2.CreateVpcPeeringConnectionAsync(new CreateVpcPeeringConnectionRequest { VpcId = vpc, PeerVpcId = peer })).VpcPeeringConnection.VpcPeeringConnectionId;
        await Ec2.AcceptVpcPeeringConnectionAsync(new AcceptVpcPeeringConnectionRequest { VpcPeeringConnectionId = peering });
        await Ec2.CreateRouteAsync(new CreateRouteRequest { RouteTableId = table, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = peering });

        var list = (await Ec2.CreateManagedPrefixListAsync(new CreateManagedPrefixListRequest
        {
            PrefixListName = "office", AddressFamily = "IPv4", MaxEntries = 5, Entries = [new AddPrefixListEntry { Cidr = "198.51.100.0/24" }],
        })).PrefixList;
        await Ec2.ModifyManagedPrefixListAsync(new ModifyManagedPrefixListRequest
        {
            PrefixListId = list.PrefixListId, CurrentVersion = 1, AddEntries = [new AddPrefixListEntry { Cidr = "203.0.113.0/24" }], RemoveEntries = [new RemovePrefixListEntry { Cidr = "198.51.100.0/24" }],
        });

        var app = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "app", Description = "app", VpcId = vpc })).GroupId;
        var data = (await Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = "data", Description = "data", VpcId = vpc })).GroupId;
        await Ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
        {
            GroupId = data,
            IpPermissions =
            [
                new IpPermission { IpProtocol = "tcp", FromPort = 5432, ToPort = 5432, UserIdGroupPairs = [new UserIdGroupPair { GroupId = app }] },
                new IpPermission { IpProtocol = "tcp", FromPort = 22, ToPort = 22, PrefixListIds = [new PrefixListId { Id = list.PrefixListId }] },
                new IpPermission { IpProtocol = "icmp", FromPort = 8, ToPort = -1, Ipv4Ranges = [new IpRange { CidrIp = "10.0.0.0/16" }] },
                new IpPermission { IpProtocol = "-1", Ipv6Ranges = [new Ipv6Range { CidrIpv6 = "::/0" }] },
            ],
        });

        var appEni = (await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = web, Groups = [app], SecondaryPrivateIpAddressCount = 2 }))
            .NetworkInterface;
        var secondary = appEni.PrivateIpAddresses.First(p => p.Primary != true).PrivateIpAddress;
        var eip = await Ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        await Ec2.AssociateAddressAsync(new AssociateAddressRequest { AllocationId = eip.AllocationId, NetworkInterfaceId = appEni.NetworkInterfaceId, PrivateIpAddress = secondary });
        await Ec2.CreateNetworkInterfaceAsync(new CreateNetworkInterfaceRequest { SubnetId = db, Groups = [data, app] });
        await Ec2.RunInstancesAsync(new RunInstancesRequest
        {
            ImageId = Ami, InstanceType = InstanceType.T3Micro, MinCount = 1, MaxCount = 1, 
            NetworkInterfaces = [new InstanceNetworkInterfaceSpecification { DeviceIndex = 0, SubnetId = web, Groups = [app], AssociatePublicIpAddress = true }],
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.Instance, Tags = [new Tag("Name", "web-1")] }],
        });
        var natEip = await Ec2.AllocateAddressAsync(new AllocateAddressRequest { Domain = DomainType.Vpc });
        await Ec2.CreateNatGatewayAsync(new CreateNatGatewayRequest { SubnetId = web, AllocationId = natEip.AllocationId });
    }

    private async Task<string> NewVpcAsync(string cidr) => (await Ec2.CreateVpcAsync(new CreateVpcRequest { CidrBlock = cidr })).Vpc.VpcId;

    private async Task<string> NewSubnetAsync(string vpc, string cidr, string zone) =>
        (await Ec2.CreateSubnetAsync(new CreateSubnetRequest { VpcId = vpc, CidrBlock = cidr, AvailabilityZone = zone })).Subnet.SubnetId;

    private static string WireProtocol(int number) => number switch { -1 => "-1", 6 => "tcp", 17 => "udp", 1 => "icmp", 58 => "icmpv6", _ => number.ToString() };
}

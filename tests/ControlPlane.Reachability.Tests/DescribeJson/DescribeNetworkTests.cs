using System.Net;
using System.Text.Json;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.DescribeJson;

public sealed class DescribeNetworkTests
{
    private static NetworkView Load(string json)
    {
        using var document = JsonDocument.Parse(json);
        return DescribeNetwork.Load(document.RootElement.Clone(), "123456789012", "eu-west-1");
    }

    [Fact]
    public void Ip_permissions_become_one_rule_per_peer_with_protocol_numbers()
    {
        var view = Load("""
            {"describe-security-groups": {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "web", "VpcId": "vpc-1", "OwnerId": "123456789012",
              "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}, {"CidrIp": "10.0.0.0/8"}], "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
                "PrefixListIds": [{"PrefixListId": "pl-1"}], "UserIdGroupPairs": [{"GroupId": "sg-2", "UserId": "123456789012"}]}],
              "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}]}]}}
            """);
        var rules = Assert.Single(view.SecurityGroups).Rules;
        Assert.Equal(6, rules.Count);
        Assert.All(rules.Where(r => !r.Egress), r => Assert.Equal((6, 443, 443), (r.Protocol, r.FromPort!.Value, r.ToPort!.Value)));
        Assert.Equal(["0.0.0.0/0", "10.0.0.0/8", "::/0"], rules.Where(r => r.Peer.Cidr is not null && !r.Egress).Select(r => r.Peer.Cidr.ToString()!));
        Assert.Contains(rules, r => r.Peer.PrefixListId == "pl-1");
        Assert.Contains(rules, r => r.Peer.GroupId == "sg-2");
        var egress = Assert.Single(rules, r => r.Egress);
        Assert.Equal((-1, (int?)null, (int?)null), (egress.Protocol, egress.FromPort, egress.ToPort));
        Assert.Equal(rules.Count, rules.Select(r => r.RuleId).Distinct().Count());
    }

    [Fact]
    public void Security_group_rules_with_their_ids_replace_the_permissions_when_given()
    {
        var view = Load("""
            {"describe-security-groups": {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "db", "VpcId": "vpc-1",
               "IpPermissions": [{"IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]},
             "describe-security-group-rules": {"SecurityGroupRules": [
               {"SecurityGroupRuleId": "sgr-1", "GroupId": "sg-1", "IsEgress": false, "IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432,
                "ReferencedGroupInfo": {"GroupId": "sg-2", "UserId": "123456789012", "VpcPeeringConnectionId": "pcx-1"}},
               {"SecurityGroupRuleId": "sgr-2", "GroupId": "sg-1", "IsEgress": true, "IpProtocol": "-1", "FromPort": -1, "ToPort": -1, "CidrIpv4": "0.0.0.0/0"},
               {"SecurityGroupRuleId": "sgr-3", "GroupId": "sg-1", "IsEgress": false, "IpProtocol": "icmpv6", "FromPort": 128, "ToPort": -1, "CidrIpv6": "::/0"}]}}
            """);
        var rules = Assert.Single(view.SecurityGroups).Rules;
        Assert.Equal(["sgr-1", "sgr-2", "sgr-3"], rules.Select(r => r.RuleId));
        Assert.Equal(("sg-2", "pcx-1"), (rules[0].Peer.GroupId, rules[0].Peer.VpcPeeringConnectionId));
        Assert.Equal((-1, (int?)null), (rules[1].Protocol, rules[1].FromPort));
        Assert.Equal((58, 128, -1), (rules[2].Protocol, rules[2].FromPort!.Value, rules[2].ToPort!.Value));
    }

    [Fact]
    public void Network_acl_entries_keep_numbers_ports_icmp_and_both_families()
    {
        var view = Load("""
            {"describe-network-acls": {"NetworkAcls": [{"NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": false,
              "Associations": [{"NetworkAclAssociationId": "aclassoc-1", "NetworkAclId": "acl-1", "SubnetId": "subnet-1"}],
              "Entries": [
                {"RuleNumber": 90, "Protocol": "6", "RuleAction": "deny", "Egress": false, "CidrBlock": "10.1.1.0/24", "PortRange": {"From": 5432, "To": 5432}},
                {"RuleNumber": 95, "Protocol": "1", "RuleAction": "deny", "Egress": false, "CidrBlock": "0.0.0.0/0", "IcmpTypeCode": {"Code": 0, "Type": 8}},
                {"RuleNumber": 101, "Protocol": "-1", "RuleAction": "allow", "Egress": true, "Ipv6CidrBlock": "::/0"},
                {"RuleNumber": 32767, "Protocol": "-1", "RuleAction": "deny", "Egress": true, "CidrBlock": "0.0.0.0/0"}]}]}}
            """);
        var acl = Assert.Single(view.NetworkAcls);
        Assert.Equal(["subnet-1"], acl.SubnetIds);
        Assert.Equal(new PortSpan(5432, 5432), acl.Entries[0].Ports);
        Assert.Equal((1, 8, 0, false), (acl.Entries[1].Protocol, acl.Entries[1].IcmpType!.Value, acl.Entries[1].IcmpCode!.Value, acl.Entries[1].Allow));
        Assert.True(acl.Entries[2].Cidr.IsIpv6 && acl.Entries[2].Egress && acl.Entries[2].Allow);
        Assert.True(acl.Entries[3].IsDefaultDeny);
    }

    [Fact]
    public void Routes_take_their_target_kind_from_the_member_that_is_set()
    {
        var view = Load("""
            {"describe-route-tables": {"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1",
              "Associations": [{"Main": true, "RouteTableAssociationId": "rtbassoc-1", "AssociationState": {"State": "associated"}},
                               {"Main": false, "SubnetId": "subnet-1", "AssociationState": {"State": "associated"}},
                               {"Main": false, "SubnetId": "subnet-2", "AssociationState": {"State": "disassociated"}}],
              "Routes": [
                {"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                {"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "Origin": "CreateRoute", "State": "active"},
                {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1", "State": "active"},
                {"DestinationCidrBlock": "10.4.0.0/16", "VpcPeeringConnectionId": "pcx-1", "State": "active"},
                {"DestinationCidrBlock": "10.5.0.0/16", "InstanceId": "i-1", "InstanceOwnerId": "123456789012", "NetworkInterfaceId": "eni-1", "State": "active"},
                {"DestinationCidrBlock": "10.6.0.0/16", "NetworkInterfaceId": "eni-2", "State": "blackhole"},
                {"DestinationPrefixListId": "pl-1", "NatGatewayId": "nat-1", "State": "active"}]}]}}
            """);
        var table = Assert.Single(view.RouteTables);
        Assert.True(table.IsMain);
        Assert.Equal(["subnet-1"], table.SubnetIds);
        Assert.Equal(
            [RouteTargetKind.Local, RouteTargetKind.InternetGateway, RouteTargetKind.EgressOnlyInternetGateway, RouteTargetKind.VpcPeeringConnection,
             RouteTargetKind.Instance, RouteTargetKind.NetworkInterface, RouteTargetKind.NatGateway],
            table.Routes.Select(r => r.TargetKind));
        Assert.Equal(RouteState.Blackhole, table.Routes[5].State);
        Assert.Equal(("pl-1", (string?)null), (table.Routes[6].DestinationPrefixListId, table.Routes[6].DestinationCidr?.ToString()));
    }

    [Fact]
    public void Interfaces_gateways_peerings_prefix_lists_and_owners_are_read()
    {
        var view = Load("""
            {"describe-vpcs": {"Vpcs": [{"VpcId": "vpc-1", "OwnerId": "123456789012", "CidrBlock": "10.0.0.0/16",
               "CidrBlockAssociationSet": [{"CidrBlock": "10.9.0.0/16", "CidrBlockState": {"State": "associated"}}, {"CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}}],
               "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18::/56", "Ipv6CidrBlockState": {"State": "associated"}}]}]},
             "describe-network-interfaces": {"NetworkInterfaces": [
               {"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "Status": "in-use", "SourceDestCheck": false,
                "Attachment": {"InstanceId": "i-1", "Status": "attached"}, "Groups": [{"GroupId": "sg-1", "GroupName": "web"}],
                "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5", "Primary": true, "Association": {"PublicIp": "3.3.3.3"}},
                                       {"PrivateIpAddress": "10.0.1.6", "Primary": false}],
                "Ipv6Addresses": [{"Ipv6Address": "2600:1f18::5"}]},
               {"NetworkInterfaceId": "eni-2", "SubnetId": "subnet-1", "VpcId": "vpc-1", "Status": "in-use", "InterfaceType": "nat_gateway",
                "RequesterManaged": true, "Groups": [], "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.4", "Primary": true}]}]},
             "describe-nat-gateways": {"NatGateways": [{"NatGatewayId": "nat-1", "VpcId": "vpc-1", "State": "available",
               "NatGatewayAddresses": [{"NetworkInterfaceId": "eni-2", "PrivateIp": "10.0.1.4"}]}]},
             "describe-instances": {"Reservations": [{"Instances": [{"InstanceId": "i-1", "State": {"Code": 80, "Name": "stopped"},
               "Tags": [{"Key": "Name", "Value": "web-1"}]}]}]},
             "describe-internet-gateways": {"InternetGateways": [{"InternetGatewayId": "igw-1", "Attachments": [{"State": "available", "VpcId": "vpc-1"}]},
                                                                {"InternetGatewayId": "igw-2", "Attachments": []}]},
             "describe-vpc-peering-connections": {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "pending-acceptance"},
               "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "123456789012", "Region": "eu-west-1", "CidrBlock": "10.0.0.0/16", "CidrBlockSet": [{"CidrBlock": "10.0.0.0/16"}]},
               "AccepterVpcInfo": {"VpcId": "vpc-9", "OwnerId": "210987654321", "Region": "eu-west-1"}}]},
             "describe-managed-prefix-lists": {"PrefixLists": [{"PrefixListId": "pl-1", "PrefixListName": "office"}]},
             "get-managed-prefix-list-entries": {"pl-1": {"Entries": [{"Cidr": "192.0.2.0/24"}, {"Cidr": "198.51.100.0/24"}]}}}
            """);
        Assert.Equal(["10.0.0.0/16", "10.9.0.0/16", "2600:1f18::/56"], Assert.Single(view.Vpcs).CidrBlocks.Select(c => c.ToString()));
        var eni = view.NetworkInterfaces[0];
        Assert.Equal(("i-1", false), (eni.OwnerId, eni.SourceDestCheck));
        Assert.Equal(IPAddress.Parse("3.3.3.3"), eni.PrivateIpAddresses[0].PublicIp);
        Assert.Equal([IPAddress.Parse("2600:1f18::5")], eni.Ipv6Addresses);
        Assert.Equal(("nat-1", true), (view.NetworkInterfaces[1].OwnerId, view.NetworkInterfaces[1].RequesterManaged));
        Assert.Contains(new OwnerView("i-1", "instance", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1", "web-1", "stopped"), view.Owners);
        Assert.Contains(view.Owners, o => o is { Id: "nat-1", Type: "nat-gateway" });
        Assert.Equal([("igw-1", "vpc-1"), ("igw-2", null)], view.Gateways.Where(g => g.Kind == GatewayKind.InternetGateway).Select(g => (g.Id, g.VpcId)));
        var pcx = Assert.Single(view.PeeringConnections);
        Assert.Equal(("pending-acceptance", 1, 0), (pcx.Status, pcx.Requester.CidrBlocks.Count, pcx.Accepter.CidrBlocks.Count));
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], Assert.Single(view.PrefixLists).Cidrs.Select(c => c.ToString()));
    }
}

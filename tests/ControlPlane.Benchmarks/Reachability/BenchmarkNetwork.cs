using System.Net;
using ControlPlane.Domain.Networking;
using ControlPlane.Reachability.View;

namespace ControlPlane.Benchmarks.Reachability;

/// <summary>
/// The network of issue 4's performance targets, generated deterministically: 10,000 interfaces, 2,000 security groups
/// with 50,000 rules, 200 subnets and 50 network ACLs in five VPCs (10.v.0.0/16 and an IPv6 /56 each), four of them
/// peered, one peering pending and one to another account. Shaped like a real estate: groups admit each other (same and
/// peered VPCs), subnets, VPCs, single hosts, a few public ranges, prefix lists and IPv6 blocks, on common service
/// ports; ACLs deny a few things before allowing service and ephemeral ports; a third of the subnets are public.
/// </summary>
public static class BenchmarkNetwork
{
    public const int VpcCount = 5;
    public const int SubnetsPerVpc = 40;
    public const int AclsPerVpc = 10;
    public const int GroupsPerVpc = 400;
    public const int RulesPerGroup = 25;
    public const int InterfacesPerSubnet = 50;
    private const string Account = "123456789012";
    private const int PublicSubnets = 12;

    private static readonly int[] ServicePorts = [22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9090, 9200, 11211, 27017];
    private static readonly Lazy<NetworkView> Generated = new(() => Generate(42));

    /// <summary>The network every reachability benchmark uses (generated once per process).</summary>
    public static NetworkView View => Generated.Value;

    public static NetworkView Generate(int seed)
    {
        var random = new Random(seed);
        var prefixLists = Enumerable.Range(0, 20).Select(i => PrefixList(random, i)).ToList();
        var vpcs = Enumerable.Range(0, VpcCount).Select(v => new VpcView(Id("vpc", v), Account, [C($"10.{v}.0.0/16"), C($"2600:1f18:{v}::/56")])).ToList();
        var peerings = Peerings(vpcs);
        var subnets = new List<SubnetView>();
        var interfaces = new List<NetworkInterfaceView>();
        var owners = new List<OwnerView>();
        var groups = new List<SecurityGroupView>();
        var acls = new List<NetworkAclView>();
        var tables = new List<RouteTableView>();
        var gateways = new List<GatewayView>();
        for (var v = 0; v < VpcCount; v++)
        {
            var vpcSubnets = Enumerable.Range(0, SubnetsPerVpc)
                .Select(s => new SubnetView(Id("subnet", v * 100 + s), vpcs[v].Id, $"us-east-1{(char)('a' + s % 3)}", C($"10.{v}.{s}.0/24"), C($"2600:1f18:{v}:{s:x}::/64")))
                .ToList();
            subnets.AddRange(vpcSubnets);
            gateways.Add(new GatewayView(Id("igw", v), GatewayKind.InternetGateway, vpcs[v].Id));
            gateways.Add(new GatewayView(Id("eigw", v), GatewayKind.EgressOnlyInternetGateway, vpcs[v].Id));
            tables.AddRange(RouteTables(v, vpcs[v], vpcSubnets, peerings));
            acls.AddRange(Acls(random, v, vpcs[v], vpcSubnets));
            groups.AddRange(Enumerable.Range(0, GroupsPerVpc).Select(g => Group(random, v, g, peerings, prefixLists)));
            for (var s = 0; s < SubnetsPerVpc; s++)
            {
                for (var k = 0; k < InterfacesPerSubnet; k++)
                {
                    var (eni, owner) = Interface(random, v, s, k, vpcSubnets[s]);
                    interfaces.Add(eni);
                    owners.Add(owner);
                }
            }
        }
        return new NetworkView
        {
            AccountId = Account,
            Region = "us-east-1",
            Vpcs = vpcs,
            Subnets = subnets,
            RouteTables = tables,
            NetworkAcls = acls,
            SecurityGroups = groups,
            NetworkInterfaces = interfaces,
            PrefixLists = prefixLists,
            Gateways = gateways,
            PeeringConnections = peerings,
            Owners = owners,
        };
    }

    /// <summary>0–1, 0–2, 1–3, 2–4 active; 3–4 pending acceptance; 0 with another account's 172.31.0.0/16.</summary>
    private static List<PeeringConnectionView> Peerings(List<VpcView> vpcs)
    {
        PeeringConnectionView Between(int n, int a, int b, string status) => new(Id("pcx", n), status,
            new PeeringSideView(vpcs[a].Id, Account, "us-east-1", vpcs[a].CidrBlocks),
            new PeeringSideView(vpcs[b].Id, Account, "us-east-1", vpcs[b].CidrBlocks));
        return
        [
            Between(1, 0, 1, "active"), Between(2, 0, 2, "active"), Between(3, 1, 3, "active"), Between(4, 2, 4, "active"),
            Between(5, 3, 4, "pending-acceptance"),
            new PeeringConnectionView(Id("pcx", 6), "active",
                new PeeringSideView(vpcs[0].Id, Account, "us-east-1", vpcs[0].CidrBlocks),
                new PeeringSideView(Id("vpc", 99), "210987654321", "us-east-1", [C("172.31.0.0/16")])),
        ];
    }

    /// <summary>The main table (private subnets: local, peers, IPv6 out through the egress-only gateway, on-premises through a VPN) and a public one.</summary>
    private static IEnumerable<RouteTableView> RouteTables(int v, VpcView vpc, List<SubnetView> subnets, List<PeeringConnectionView> peerings)
    {
        var common = new List<RouteView>
        {
            new(C($"10.{v}.0.0/16"), null, RouteTargetKind.Local, "local", RouteState.Active, "CreateRouteTable"),
            new(C($"2600:1f18:{v}::/56"), null, RouteTargetKind.Local, "local", RouteState.Active, "CreateRouteTable"),
            new(null, Id("pl", 19), RouteTargetKind.VirtualPrivateGateway, Id("vgw", v), RouteState.Active, "EnableVgwRoutePropagation"),
        };
        foreach (var peering in peerings.Where(p => p.Requester.VpcId == vpc.Id || p.Accepter.VpcId == vpc.Id))
        {
            var other = peering.Requester.VpcId == vpc.Id ? peering.Accepter : peering.Requester;
            common.Add(new RouteView(other.CidrBlocks[0], null, RouteTargetKind.VpcPeeringConnection, peering.Id, RouteState.Active));
        }
        yield return new RouteTableView(Id("rtb", v * 10), vpc.Id, true, [],
            [.. common, new(C("::/0"), null, RouteTargetKind.EgressOnlyInternetGateway, Id("eigw", v), RouteState.Active)]);
        yield return new RouteTableView(Id("rtb", v * 10 + 1), vpc.Id, false, [.. subnets.Take(PublicSubnets).Select(s => s.Id)],
            [.. common, new(C("0.0.0.0/0"), null, RouteTargetKind.InternetGateway, Id("igw", v), RouteState.Active),
             new(C("::/0"), null, RouteTargetKind.InternetGateway, Id("igw", v), RouteState.Active)]);
    }

    /// <summary>The default ACL (allow all) and nine custom ones, each on every tenth subnet.</summary>
    private static IEnumerable<NetworkAclView> Acls(Random random, int v, VpcView vpc, List<SubnetView> subnets)
    {
        List<NetworkAclEntryView> Stars() =>
        [
            new(32767, false, -1, false, C("0.0.0.0/0")), new(32767, true, -1, false, C("0.0.0.0/0")),
            new(32768, false, -1, false, C("::/0")), new(32768, true, -1, false, C("::/0")),
        ];
        yield return new NetworkAclView(Id("acl", v * 100), vpc.Id, true, [.. subnets.Where((_, s) => s % AclsPerVpc == 0).Select(s => s.Id)],
        [
            new(100, false, -1, true, C("0.0.0.0/0")), new(100, true, -1, true, C("0.0.0.0/0")),
            new(101, false, -1, true, C("::/0")), new(101, true, -1, true, C("::/0")), .. Stars(),
        ]);
        for (var a = 1; a < AclsPerVpc; a++)
        {
            var ephemeral = random.Next(3) == 0 ? new PortSpan(32768, 65535) : new PortSpan(1024, 65535);
            var denied = $"10.{random.Next(VpcCount)}.{random.Next(SubnetsPerVpc)}.0/24";
            List<NetworkAclEntryView> entries =
            [
                new(10, false, 6, false, C("0.0.0.0/0"), new PortSpan(23, 23)),
                new(20, false, -1, false, C(denied)),
                new(100, false, 6, true, C("10.0.0.0/8"), new PortSpan(22, 22)),
                new(110, false, 6, true, C("0.0.0.0/0"), new PortSpan(80, 80)),
                new(120, false, 6, true, C("0.0.0.0/0"), new PortSpan(443, 443)),
                new(130, false, 6, true, C("10.0.0.0/8"), new PortSpan(3000, 27017)),
                new(140, false, 6, true, C("0.0.0.0/0"), ephemeral),
                new(150, false, 17, true, C("10.0.0.0/8"), new PortSpan(53, 53)),
                new(160, false, 17, true, C("0.0.0.0/0"), ephemeral),
                new(170, false, 1, true, C("10.0.0.0/8"), IcmpType: -1, IcmpCode: -1),
                new(180, false, -1, true, C($"10.{v}.0.0/16")),
                new(200, false, 6, true, C("::/0"), new PortSpan(443, 443)),
                new(210, false, 6, true, C("::/0"), ephemeral),
                new(10, true, 6, false, C("0.0.0.0/0"), new PortSpan(25, 25)),
                new(100, true, -1, true, C("10.0.0.0/8")),
                new(110, true, 6, true, C("0.0.0.0/0"), new PortSpan(80, 443)),
                new(120, true, 6, true, C("0.0.0.0/0"), ephemeral),
                new(130, true, 17, true, C("0.0.0.0/0"), new PortSpan(53, 65535)),
                new(200, true, -1, true, C("::/0")),
                .. Stars(),
            ];
            yield return new NetworkAclView(Id("acl", v * 100 + a), vpc.Id, false, [.. subnets.Where((_, s) => s % AclsPerVpc == a).Select(s => s.Id)], entries);
        }
    }

    private static SecurityGroupView Group(Random random, int v, int g, List<PeeringConnectionView> peerings, List<PrefixListView> prefixLists)
    {
        var id = Id("sg", v * 1000 + g);
        var rules = new List<SecurityGroupRuleView>();
        void Add(bool egress, int protocol, int? from, int? to, RulePeerView peer) =>
            rules.Add(new SecurityGroupRuleView(Id("sgr", (v * 1000 + g) * 100 + rules.Count), egress, protocol, from, to, peer));
        if (random.Next(10) > 0)
        {
            Add(true, -1, null, null, new RulePeerView(C("0.0.0.0/0")));
            Add(true, -1, null, null, new RulePeerView(C("::/0")));
        }
        else
        {
            Add(true, 6, 443, 443, new RulePeerView(C("0.0.0.0/0")));
            Add(true, 6, 0, 65535, new RulePeerView(C("10.0.0.0/8")));
            Add(true, 17, 53, 53, new RulePeerView(C("10.0.0.0/8")));
        }
        var peers = peerings.Where(p => p.Status == "active" && (p.Requester.VpcId == Id("vpc", v) || p.Accepter.VpcId == Id("vpc", v)))
            .Select(p => p.Requester.VpcId == Id("vpc", v) ? p.Accepter.VpcId : p.Requester.VpcId)
            .Where(other => other != Id("vpc", 99))
            .Select(other => int.Parse(other[^1..], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        while (rules.Count < RulesPerGroup)
        {
            var (protocol, from, to) = Ports(random);
            var peer = random.Next(100) switch
            {
                < 35 => new RulePeerView(GroupId: Id("sg", v * 1000 + (g + random.Next(-20, 21) + GroupsPerVpc) % GroupsPerVpc), GroupOwnerId: Account),
                < 40 when peers.Count > 0 => new RulePeerView(GroupId: Id("sg", peers[random.Next(peers.Count)] * 1000 + random.Next(GroupsPerVpc)), GroupOwnerId: Account),
                < 55 => new RulePeerView(C($"10.{v}.{random.Next(SubnetsPerVpc)}.0/24")),
                < 60 => new RulePeerView(C($"10.{random.Next(VpcCount)}.0.0/16")),
                < 70 => new RulePeerView(C($"10.{v}.{random.Next(SubnetsPerVpc)}.{10 + random.Next(InterfacesPerSubnet)}/32")),
                < 76 => new RulePeerView(C($"198.51.{random.Next(256)}.0/24")),
                < 78 => new RulePeerView(C("0.0.0.0/0")),
                < 88 => new RulePeerView(PrefixListId: prefixLists[random.Next(prefixLists.Count)].Id),
                _ => new RulePeerView(C(random.Next(4) == 0 ? "::/0" : $"2600:1f18:{v}:{random.Next(SubnetsPerVpc):x}::/64")),
            };
            Add(false, protocol, from, to, peer);
        }
        return new SecurityGroupView(id, Id("vpc", v), Account, $"tier-{v}-{g}", rules);
    }

    /// <summary>Mostly single service ports, then port ranges, UDP, ICMP and all traffic.</summary>
    private static (int Protocol, int? From, int? To) Ports(Random random)
    {
        var roll = random.Next(100);
        if (roll < 60)
        {
            var port = ServicePorts[random.Next(ServicePorts.Length)];
            return (6, port, port);
        }
        if (roll < 75)
        {
            var from = random.Next(2) == 0 ? 8000 : 30000;
            return (6, from, from + random.Next(10, 2768));
        }
        if (roll < 85) return random.Next(2) == 0 ? (17, 53, 53) : (17, 1024, 65535);
        if (roll < 93) return random.Next(2) == 0 ? (1, 8, -1) : (1, -1, -1);
        return (-1, null, null);
    }

    /// <summary>One interface: groups near the subnet's (so groups have members), a public IP in public subnets, sometimes a secondary address.</summary>
    private static (NetworkInterfaceView, OwnerView) Interface(Random random, int v, int s, int k, SubnetView subnet)
    {
        var n = (v * SubnetsPerVpc + s) * InterfacesPerSubnet + k;
        var groupCount = 1 + random.Next(4);
        var groups = Enumerable.Range(0, groupCount).Select(_ => Id("sg", v * 1000 + (s * 10 + random.Next(21)) % GroupsPerVpc)).Distinct().ToList();
        var publicIp = s < PublicSubnets && random.Next(2) == 0 ? IPAddress.Parse($"54.{v}.{s}.{10 + k}") : null;
        var addresses = new List<PrivateAddressView> { new(IPAddress.Parse($"10.{v}.{s}.{10 + k}"), true, publicIp) };
        if (random.Next(10) == 0) addresses.Add(new PrivateAddressView(IPAddress.Parse($"10.{v}.{s}.{100 + k}"), false));
        var type = random.Next(20) switch { 0 => "load-balancer", 1 => "db-instance", 2 => "function", _ => "instance" };
        var owner = new OwnerView(Id(type == "instance" ? "i" : type, n), type, State: random.Next(50) == 0 ? "stopped" : "running");
        var eni = new NetworkInterfaceView
        {
            Id = Id("eni", n),
            SubnetId = subnet.Id,
            VpcId = subnet.VpcId,
            AvailabilityZone = subnet.AvailabilityZone,
            RequesterManaged = type != "instance",
            Status = random.Next(100) == 0 ? "available" : "in-use",
            PrivateIpAddresses = addresses,
            Ipv6Addresses = random.Next(10) < 7 ? [IPAddress.Parse($"2600:1f18:{v}:{s:x}::{10 + k:x}")] : [],
            GroupIds = groups,
            OwnerId = owner.Id,
        };
        return (eni, owner);
    }

    /// <summary>Lists of office and partner ranges and of subnets; the last one is on-premises (routed to a VPN gateway).</summary>
    private static PrefixListView PrefixList(Random random, int i)
    {
        if (i == 19) return new PrefixListView(Id("pl", i), "on-premises", [.. Enumerable.Range(0, 8).Select(j => C($"192.168.{j * 16}.0/20"))]);
        var cidrs = Enumerable.Range(0, 5 + random.Next(11))
            .Select(_ => random.Next(3) == 0 ? $"203.0.{random.Next(256)}.0/24" : $"10.{random.Next(VpcCount)}.{random.Next(SubnetsPerVpc)}.0/24")
            .Distinct()
            .Select(C)
            .ToList();
        return new PrefixListView(Id("pl", i), $"list-{i}", cidrs);
    }

    /// <summary>AWS-shaped ids: the prefix and 17 hexadecimal digits.</summary>
    public static string Id(string prefix, int n) => $"{prefix}-{n:x17}";

    private static Cidr C(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException($"not a CIDR: {text}", nameof(text));
}

using System.Net;
using ControlPlane.Domain.Networking;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.CrossCheck;

/// <summary>
/// A small random network for the cross-check, the same for the same seed: 1–3 VPCs (IPv6 sometimes), peering connections
/// in several states (one to a VPC of another account sometimes), a few subnets, ACLs with random entries (denies, varied
/// rule numbers, every protocol), groups with CIDR, prefix-list and group-reference rules, interfaces with secondary
/// addresses, public IPs and IPv6 sometimes, detached ones and stopped owners, and route tables with local, internet,
/// egress-only, peering, NAT, prefix-list and blackhole routes.
/// </summary>
public sealed class RandomNetwork
{
    public const string ForeignVpcId = "vpc-0f0f0f0f0f0f0f0f0";
    public static readonly Cidr ForeignCidr = Parse("172.31.0.0/16");

    private readonly Random _random;
    private readonly List<VpcView> _vpcs = [];
    private readonly List<SubnetView> _subnets = [];
    private readonly List<PeeringConnectionView> _peerings = [];
    private readonly List<PrefixListView> _prefixLists = [];
    private readonly List<GatewayView> _gateways = [];
    private readonly List<SecurityGroupView> _groups = [];
    private readonly List<NetworkAclView> _acls = [];
    private readonly List<RouteTableView> _tables = [];
    private readonly List<NetworkInterfaceView> _interfaces = [];
    private readonly List<OwnerView> _owners = [];
    private int _ids;

    private RandomNetwork(int seed) => _random = new Random(seed);

    public static NetworkView Generate(int seed) => new RandomNetwork(seed).Build();

    private NetworkView Build()
    {
        var vpcCount = _random.Next(1, 4);
        for (var v = 0; v < vpcCount; v++)
        {
            var ipv6 = Chance(0.5);
            var blocks = new List<Cidr> { Parse($"10.{v + 1}.0.0/16") };
            if (ipv6) blocks.Add(Parse($"2600:1f18:{v + 1:x}::/56"));
            _vpcs.Add(new VpcView(Id("vpc"), "111111111111", blocks));
        }
        Peerings();
        PrefixLists();
        foreach (var vpc in _vpcs)
        {
            var index = _vpcs.IndexOf(vpc) + 1;
            var subnetCount = _random.Next(1, 4);
            for (var s = 0; s < subnetCount; s++)
            {
                Cidr? ipv6 = vpc.CidrBlocks.Count > 1 ? Parse($"2600:1f18:{index:x}:{s:x}::/64") : null;
                _subnets.Add(new SubnetView(Id("subnet"), vpc.Id, "us-east-1a", Parse($"10.{index}.{s}.0/24"), ipv6));
            }
            if (Chance(0.75)) _gateways.Add(new GatewayView(Id("igw"), GatewayKind.InternetGateway, vpc.Id));
            if (vpc.CidrBlocks.Count > 1 && Chance(0.5)) _gateways.Add(new GatewayView(Id("eigw"), GatewayKind.EgressOnlyInternetGateway, vpc.Id));
            if (Chance(0.3)) _gateways.Add(new GatewayView(Id("nat"), GatewayKind.NatGateway, vpc.Id));
        }
        if (Chance(0.15)) _gateways.Add(new GatewayView(Id("igw"), GatewayKind.InternetGateway, null, "detached"));
        foreach (var vpc in _vpcs) Groups(vpc);
        foreach (var vpc in _vpcs) Interfaces(vpc);
        foreach (var vpc in _vpcs) Acls(vpc);
        foreach (var vpc in _vpcs) RouteTables(vpc);
        return new NetworkView
        {
            AccountId = "111111111111",
            Region = "us-east-1",
            Vpcs = _vpcs,
            Subnets = _subnets,
            RouteTables = _tables,
            NetworkAcls = _acls,
            SecurityGroups = _groups,
            NetworkInterfaces = _interfaces,
            PrefixLists = _prefixLists,
            Gateways = _gateways,
            PeeringConnections = _peerings,
            Owners = _owners,
        };
    }

    private void Peerings()
    {
        string[] states = ["active", "active", "active", "pending-acceptance", "deleted"];
        for (var a = 0; a < _vpcs.Count; a++)
        {
            for (var b = a + 1; b < _vpcs.Count; b++)
            {
                if (!Chance(0.6)) continue;
                _peerings.Add(new PeeringConnectionView(Id("pcx"), Pick(states), Side(_vpcs[a]), Side(_vpcs[b])));
            }
        }
        if (Chance(0.2))
        {
            var foreign = new PeeringSideView(ForeignVpcId, "222222222222", "us-east-1", [ForeignCidr]);
            _peerings.Add(new PeeringConnectionView(Id("pcx"), Chance(0.8) ? "active" : "pending-acceptance", Side(Pick(_vpcs)), foreign));
        }

        static PeeringSideView Side(VpcView vpc) => new(vpc.Id, vpc.OwnerId, "us-east-1", vpc.CidrBlocks);
    }

    private void PrefixLists()
    {
        var count = _random.Next(0, 3);
        for (var p = 0; p < count; p++)
        {
            var cidrs = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => PeerCidr(Chance(0.2))).Distinct().ToList();
            _prefixLists.Add(new PrefixListView(Id("pl"), $"list-{p}", cidrs));
        }
    }

    private void Groups(VpcView vpc)
    {
        var count = _random.Next(1, 4);
        for (var g = 0; g < count; g++) _groups.Add(new SecurityGroupView(Id("sg"), vpc.Id, "111111111111", $"group-{_ids}", []));
    }

    /// <summary>Rules are added once every group exists, so that references can point anywhere (even to another, unpeered VPC).</summary>
    private List<SecurityGroupRuleView> Rules(VpcView vpc)
    {
        var rules = new List<SecurityGroupRuleView>();
        var ipv6 = vpc.CidrBlocks.Count > 1;
        if (Chance(0.5))
        {
            // An internet-facing group: one service (or everything) open to the world.
            var (protocol, from, to) = Pick<(int, int?, int?)>([(6, 443, 443), (6, 80, 80), (6, 0, 65535), (17, 53, 53), (-1, null, null), (1, 8, -1)]);
            rules.Add(new SecurityGroupRuleView(Id("sgr"), false, protocol, from, to, new RulePeerView(Cidr: Parse("0.0.0.0/0"))));
            if (ipv6) rules.Add(new SecurityGroupRuleView(Id("sgr"), false, protocol == 1 ? 58 : protocol, protocol == 1 ? 128 : from, to, new RulePeerView(Cidr: Parse("::/0"))));
        }
        foreach (var egress in new[] { false, true })
        {
            if (egress && Chance(0.5))
            {
                // The egress rule every new group gets.
                rules.Add(new SecurityGroupRuleView(Id("sgr"), true, -1, null, null, new RulePeerView(Cidr: Parse("0.0.0.0/0"))));
                if (ipv6) rules.Add(new SecurityGroupRuleView(Id("sgr"), true, -1, null, null, new RulePeerView(Cidr: Parse("::/0"))));
            }
            var count = _random.Next(0, egress ? 3 : 5);
            for (var r = 0; r < count; r++)
            {
                var protocol = Pick([-1, 6, 6, 6, 17, 1, 58, 50]);
                var (fromPort, toPort) = protocol switch
                {
                    6 or 17 => PortPair(),
                    1 or 58 => Pick<(int?, int?)>([(-1, -1), (8, 0), (8, -1), (3, 4), (0, -1), (128, 0), (129, -1)]),
                    _ => (null, null),
                };
                rules.Add(new SecurityGroupRuleView(Id("sgr"), egress, protocol, fromPort, toPort, RulePeer(vpc, ipv6)));
            }
        }
        return rules;
    }

    private RulePeerView RulePeer(VpcView vpc, bool ipv6)
    {
        var roll = _random.NextDouble();
        if (roll < 0.35) return new RulePeerView(Cidr: PeerCidr(ipv6 && Chance(0.4)));
        if (roll < 0.5 && _prefixLists.Count > 0) return new RulePeerView(PrefixListId: Pick(_prefixLists).Id);
        if (roll < 0.53) return new RulePeerView(PrefixListId: "pl-00000000000000000");
        if (roll < 0.95)
        {
            // Mostly a group of the same VPC, sometimes one of another VPC (peered or not), rarely an unknown one.
            var own = _groups.Where(g => g.VpcId == vpc.Id).ToList();
            var group = Chance(0.7) ? Pick(own) : Chance(0.9) ? Pick(_groups) : null;
            return new RulePeerView(GroupId: group?.Id ?? "sg-00000000000000000", GroupOwnerId: "111111111111");
        }
        return new RulePeerView(Cidr: Parse(ipv6 && Chance(0.5) ? "::/0" : "0.0.0.0/0"));
    }

    private void Interfaces(VpcView vpc)
    {
        var index = _vpcs.IndexOf(vpc) + 1;
        for (var g = 0; g < _groups.Count; g++)
        {
            if (_groups[g].VpcId == vpc.Id && _groups[g].Rules.Count == 0) _groups[g] = _groups[g] with { Rules = Rules(vpc) };
        }
        var groups = _groups.Where(g => g.VpcId == vpc.Id).ToList();
        var subnets = _subnets.Where(s => s.VpcId == vpc.Id).ToList();
        var count = _random.Next(2, 7);
        OwnerView? sharedOwner = null;
        for (var e = 0; e < count; e++)
        {
            var subnet = Pick(subnets);
            var octet = 10 + _interfaces.Count * 4;
            var third = subnets.IndexOf(subnet);
            var addresses = new List<PrivateAddressView>
            {
                new(IPAddress.Parse($"10.{index}.{third}.{octet}"), true, Chance(0.5) ? PublicIp() : null),
            };
            var secondaries = _random.Next(0, 3);
            for (var s = 1; s <= secondaries; s++)
                addresses.Add(new PrivateAddressView(IPAddress.Parse($"10.{index}.{third}.{octet + s}"), false, Chance(0.2) ? PublicIp() : null));
            var ipv6 = subnet.Ipv6CidrBlock is not null && Chance(0.7)
                ? Enumerable.Range(1, _random.Next(1, 3)).Select(h => IPAddress.Parse($"2600:1f18:{index:x}:{third:x}::{octet:x}:{h}")).ToList()
                : [];
            var groupIds = Chance(0.07) ? [] : Enumerable.Range(0, _random.Next(1, 3)).Select(_ => Pick(groups).Id).Distinct().ToList();
            OwnerView? owner = null;
            if (sharedOwner is not null && Chance(0.3)) owner = sharedOwner;
            else if (Chance(0.8))
            {
                owner = new OwnerView(Id("i"), "instance", $"arn:aws:ec2:us-east-1:111111111111:instance/i-{_ids}", $"host-{_ids}", Chance(0.15) ? "stopped" : "running");
                _owners.Add(owner);
                sharedOwner ??= owner;
            }
            _interfaces.Add(new NetworkInterfaceView
            {
                Id = Id("eni"),
                SubnetId = subnet.Id,
                VpcId = vpc.Id,
                Status = owner is not null ? "in-use" : Chance(0.5) ? "available" : "in-use",
                SourceDestCheck = Chance(0.85),
                PrivateIpAddresses = addresses,
                Ipv6Addresses = ipv6,
                GroupIds = groupIds,
                OwnerId = owner?.Id,
            });
        }
        if (Chance(0.2)) _owners.Add(new OwnerView(Id("i"), "instance", Name: "no-interfaces"));
    }

    private void Acls(VpcView vpc)
    {
        var ipv6 = vpc.CidrBlocks.Count > 1;
        var subnets = _subnets.Where(s => s.VpcId == vpc.Id).Select(s => s.Id).ToList();
        var customs = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (Id: Id("acl"), Subnets: new List<string>())).ToList();
        var defaults = new List<string>();
        foreach (var subnet in subnets)
        {
            if (customs.Count > 0 && Chance(0.7)) Pick(customs).Subnets.Add(subnet);
            else defaults.Add(subnet);
        }
        // The default ACL: allow all (100 IPv4, 101 IPv6) then the * entries, unless it was edited.
        var defaultEntries = Chance(0.7) ? AllowAll(ipv6) : RandomEntries(vpc, ipv6);
        _acls.Add(new NetworkAclView(Id("acl"), vpc.Id, true, defaults, [.. defaultEntries, .. Stars(ipv6)]));
        foreach (var (id, members) in customs) _acls.Add(new NetworkAclView(id, vpc.Id, false, members, [.. RandomEntries(vpc, ipv6), .. Stars(ipv6)]));
    }

    private static List<NetworkAclEntryView> AllowAll(bool ipv6)
    {
        var entries = new List<NetworkAclEntryView>();
        foreach (var egress in new[] { false, true })
        {
            entries.Add(new NetworkAclEntryView(100, egress, -1, true, Parse("0.0.0.0/0")));
            if (ipv6) entries.Add(new NetworkAclEntryView(101, egress, -1, true, Parse("::/0")));
        }
        return entries;
    }

    private static IEnumerable<NetworkAclEntryView> Stars(bool ipv6)
    {
        foreach (var egress in new[] { false, true })
        {
            yield return new NetworkAclEntryView(32767, egress, -1, false, Parse("0.0.0.0/0"));
            if (ipv6) yield return new NetworkAclEntryView(32768, egress, -1, false, Parse("::/0"));
        }
    }

    private List<NetworkAclEntryView> RandomEntries(VpcView vpc, bool ipv6)
    {
        var entries = new List<NetworkAclEntryView>();
        foreach (var egress in new[] { false, true })
        {
            var numbers = new HashSet<int>();
            var count = _random.Next(0, 7);
            for (var n = 0; n < count; n++)
            {
                var number = Pick([10, 50, 90, 100, 101, 110, 120, 200, 1000, 32766, _random.Next(1, 32767)]);
                if (!numbers.Add(number)) continue;
                var six = ipv6 && Chance(0.35);
                var protocol = Pick([-1, -1, 6, 6, 6, 17, six ? 58 : 1, 50]);
                PortSpan? ports = protocol is 6 or 17 ? PortSpanOf(PortPair()) : null;
                var (type, code) = protocol is 1 or 58 ? Pick([(-1, -1), (8, 0), (8, -1), (0, 0), (3, 4), (128, 0), (129, 0)]) : (0, 0);
                entries.Add(new NetworkAclEntryView(number, egress, protocol, Chance(0.65), PeerCidr(six), ports,
                    protocol is 1 or 58 ? type : null, protocol is 1 or 58 ? code : null));
            }
            if (Chance(0.75))
            {
                // Often a closing allow-all, as real ACLs have.
                var closing = numbers.Count == 0 ? 100 : Math.Min(32766, numbers.Max() + 10);
                if (numbers.Add(closing)) entries.Add(new NetworkAclEntryView(closing, egress, -1, true, Parse("0.0.0.0/0")));
                if (ipv6 && numbers.Add(closing + 1) && closing < 32766) entries.Add(new NetworkAclEntryView(closing + 1, egress, -1, true, Parse("::/0")));
            }
        }
        return entries;
    }

    private void RouteTables(VpcView vpc)
    {
        var subnets = _subnets.Where(s => s.VpcId == vpc.Id).Select(s => s.Id).ToList();
        var customs = Enumerable.Range(0, _random.Next(0, 3)).Select(_ => (Id: Id("rtb"), Subnets: new List<string>())).ToList();
        foreach (var subnet in subnets)
        {
            if (customs.Count > 0 && Chance(0.6)) Pick(customs).Subnets.Add(subnet);
        }
        _tables.Add(new RouteTableView(Id("rtb"), vpc.Id, true, [], Routes(vpc)));
        foreach (var (id, members) in customs) _tables.Add(new RouteTableView(id, vpc.Id, false, members, Routes(vpc)));
    }

    private List<RouteView> Routes(VpcView vpc)
    {
        var routes = vpc.CidrBlocks.Select(c => new RouteView(c, null, RouteTargetKind.Local, "local", RouteState.Active, "CreateRouteTable")).ToList();
        var used = new HashSet<string>(vpc.CidrBlocks.Select(c => c.ToString()));
        // A local route for a block the VPC no longer holds (a view can lag behind a disassociation).
        if (Chance(0.3) && used.Add("10.99.0.0/16")) routes.Add(new RouteView(Parse("10.99.0.0/16"), null, RouteTargetKind.Local, "local", RouteState.Active, "CreateRouteTable"));
        void Add(Cidr? cidr, string? prefixList, RouteTargetKind kind, string target, RouteState state = RouteState.Active)
        {
            if (used.Add(cidr?.ToString() ?? prefixList!)) routes.Add(new RouteView(cidr, prefixList, kind, target, state));
        }
        var igw = _gateways.FirstOrDefault(g => g.Kind == GatewayKind.InternetGateway && g.VpcId == vpc.Id);
        var eigw = _gateways.FirstOrDefault(g => g.Kind == GatewayKind.EgressOnlyInternetGateway && g.VpcId == vpc.Id);
        var nat = _gateways.FirstOrDefault(g => g.Kind == GatewayKind.NatGateway && g.VpcId == vpc.Id);
        if (igw is not null && Chance(0.7)) Add(Parse("0.0.0.0/0"), null, RouteTargetKind.InternetGateway, igw.Id);
        else if (nat is not null && Chance(0.5)) Add(Parse("0.0.0.0/0"), null, RouteTargetKind.NatGateway, nat.Id);
        if (vpc.CidrBlocks.Count > 1)
        {
            if (eigw is not null && Chance(0.5)) Add(Parse("::/0"), null, RouteTargetKind.EgressOnlyInternetGateway, eigw.Id);
            else if (igw is not null && Chance(0.7)) Add(Parse("::/0"), null, RouteTargetKind.InternetGateway, igw.Id);
        }
        foreach (var pcx in _peerings.Where(p => p.Requester.VpcId == vpc.Id || p.Accepter.VpcId == vpc.Id))
        {
            var other = pcx.Requester.VpcId == vpc.Id ? pcx.Accepter : pcx.Requester;
            foreach (var cidr in other.CidrBlocks)
            {
                // IPv6 blocks are routed over the peering less often, and sometimes out to the internet instead (where
                // they are public addresses): traffic to the peer then leaves through a gateway.
                if (Chance(cidr.IsIpv6 ? 0.5 : 0.75)) Add(cidr, null, RouteTargetKind.VpcPeeringConnection, pcx.Id);
                else if (cidr.IsIpv6 && igw is not null && Chance(0.5)) Add(cidr, null, RouteTargetKind.InternetGateway, igw.Id);
                else if (cidr.IsIpv6 && eigw is not null) Add(cidr, null, RouteTargetKind.EgressOnlyInternetGateway, eigw.Id);
            }
            if (Chance(0.4)) Add(Parse("198.51.100.0/24"), null, RouteTargetKind.VpcPeeringConnection, pcx.Id);
        }
        if (Chance(0.15)) Add(PeerCidr(false), null, RouteTargetKind.NetworkInterface, "eni-00000000000000000", RouteState.Blackhole);
        // AWS refuses IPv4 routes to an egress-only gateway; a view may still hold one.
        if (eigw is not null && Chance(0.1)) Add(Parse("192.0.2.0/24"), null, RouteTargetKind.EgressOnlyInternetGateway, eigw.Id);
        if (Chance(0.1)) Add(Parse("203.0.113.0/24"), null, Pick([RouteTargetKind.TransitGateway, RouteTargetKind.VirtualPrivateGateway]), "tgw-00000000000000000");
        if (_prefixLists.Count > 0 && Chance(0.2))
        {
            var target = igw is not null && Chance(0.5) ? (RouteTargetKind.InternetGateway, igw.Id) : (RouteTargetKind.NatGateway, nat?.Id ?? "nat-00000000000000000");
            Add(null, Pick(_prefixLists).Id, target.Item1, target.Item2);
        }
        return routes;
    }

    /// <summary>CIDRs rules and entries use: VPC and subnet blocks, hosts, the whole internet, public and private blocks outside every VPC.</summary>
    private Cidr PeerCidr(bool ipv6)
    {
        if (ipv6)
        {
            return Parse(Pick(["::/0", "2000::/3", "2600:1f18::/32", "2600:1f18:1::/56", "2600:1f18:2::/56", "2600:1f18:1:1::/64", "2001:db8::/32", "2001:db8::5/128"]));
        }
        var text = Pick([
            "0.0.0.0/0", "0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.1.0.0/24", "10.1.1.0/24", "10.2.0.0/24",
            "10.1.0.0/25", "10.1.0.128/25", "10.1.0.14/32", "10.2.0.18/31", "172.31.0.0/16", "203.0.113.0/24", "198.51.100.0/24",
            "192.168.0.0/16", "100.64.0.0/10", "128.0.0.0/1", "8.8.8.0/24",
        ]);
        return Parse(text);
    }

    private (int?, int?) PortPair() => Pick<(int?, int?)>([(22, 22), (80, 80), (443, 443), (0, 1023), (1024, 65535), (32768, 60999), (49152, 65535), (0, 65535), (5000, 5100)]);

    private static PortSpan PortSpanOf((int? From, int? To) pair) => new(pair.From!.Value, pair.To!.Value);

    private IPAddress PublicIp() => IPAddress.Parse($"54.{_random.Next(0, 256)}.{_random.Next(0, 256)}.{_random.Next(1, 255)}");

    private string Id(string prefix) => $"{prefix}-{++_ids:x17}";

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static Cidr Parse(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text, nameof(text));
}

using ControlPlane.Reachability.View;
using static ControlPlane.Reachability.Tests.Compiled.NetworkBuilder;

namespace ControlPlane.Reachability.Tests.Compiled;

/// <summary>
/// Small random networks for checking the many-pair answers against <c>Analyze</c>: three VPCs (two peered, one peering
/// sometimes pending), custom ACLs with denies and allows of every protocol, groups with CIDR, prefix-list and group
/// peers, public IPs, secondary addresses, detached and group-less interfaces, blackhole and missing routes; /28 ACL
/// entries and routes split some subnets, so decisions shared per subnet and per address are both exercised.
/// </summary>
internal static class RandomNetworks
{
    private static readonly int[] Protocols = [-1, 6, 6, 6, 17, 1, 58];

    public static NetworkBuilder Build(int seed)
    {
        var random = new Random(seed);
        var builder = new NetworkBuilder().PrefixList("pl-a", "10.0.1.0/25", "203.0.113.0/24").PrefixList("pl-b", "10.1.0.0/16");
        var vpcs = new[] { "vpc-0", "vpc-1", "vpc-2" };
        for (var v = 0; v < vpcs.Length; v++)
        {
            builder.Vpc(vpcs[v], $"10.{v}.0.0/16", $"2600:1f18:{v}::/56").InternetGateway($"igw-{v}", random.Next(3) == 0 ? null : vpcs[v]);
            builder.Route(MainTable(vpcs[v]), "0.0.0.0/0", RouteTargetKind.InternetGateway, $"igw-{v}");
            if (random.Next(2) == 0) builder.Route(MainTable(vpcs[v]), "::/0", RouteTargetKind.InternetGateway, $"igw-{v}");
            for (var s = 0; s < 3; s++) builder.Subnet($"subnet-{v}{s}", vpcs[v], $"10.{v}.{s}.0/24", $"2600:1f18:{v}:{s}::/64");
            builder.Acl($"acl-{v}", vpcs[v], [$"subnet-{v}1", $"subnet-{v}2"], [.. Entries(random, v)]);
            builder.RouteTable($"rtb-{v}", vpcs[v], $"subnet-{v}2");
            if (random.Next(3) == 0) builder.Route($"rtb-{v}", $"10.{v}.1.0/24", RouteTargetKind.NatGateway, "nat-1");
            if (random.Next(3) == 0) builder.Route(MainTable(vpcs[v]), $"10.{v}.0.16/28", RouteTargetKind.InternetGateway, $"igw-{v}");
        }
        builder.Peering("pcx-01", "vpc-0", "vpc-1", random.Next(4) == 0 ? "pending-acceptance" : "active");
        builder.Route(MainTable("vpc-0"), "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-01");
        builder.Route("rtb-0", "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-01", random.Next(3) == 0 ? RouteState.Blackhole : RouteState.Active);
        builder.Route(MainTable("vpc-1"), "10.0.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-01");
        if (random.Next(2) == 0) builder.Route("rtb-1", "10.0.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-01");
        for (var g = 0; g < 8; g++)
        {
            var vpc = vpcs[g % 3];
            builder.Group($"sg-{g}", vpc, draft => Rules(random, draft));
        }
        for (var i = 0; i < 24; i++)
        {
            var v = random.Next(3);
            var s = random.Next(3);
            var groups = Enumerable.Range(0, random.Next(4)).Select(_ => $"sg-{random.Next(8)}").Where(id => int.Parse(id[3..]) % 3 == v).Distinct().ToArray();
            builder.Eni($"eni-{i:00}", $"subnet-{v}{s}", $"10.{v}.{s}.{10 + i}", groups,
                publicIp: random.Next(2) == 0 ? $"54.0.{v}.{10 + i}" : null,
                secondary: random.Next(4) == 0 ? [$"10.{v}.{s}.{100 + i}"] : null,
                ipv6: random.Next(3) == 0 ? null : [$"2600:1f18:{v}:{s}::{10 + i:x}"],
                status: random.Next(12) == 0 ? "available" : "in-use");
        }
        return builder;
    }

    private static IEnumerable<NetworkAclEntryView> Entries(Random random, int v)
    {
        foreach (var egress in new[] { false, true })
        {
            var count = random.Next(1, 6);
            for (var n = 0; n < count; n++)
            {
                var protocol = Protocols[random.Next(Protocols.Length)];
                var cidr = random.Next(5) switch
                {
                    0 => "0.0.0.0/0",
                    1 => $"10.{random.Next(3)}.0.0/16",
                    2 => $"10.{v}.{random.Next(3)}.0/24",
                    3 => $"10.{random.Next(3)}.{random.Next(3)}.{16 * random.Next(3)}/28",
                    _ => "::/0",
                };
                var from = random.Next(3) == 0 ? 0 : random.Next(0, 60000);
                var ports = protocol is 6 or 17 ? new PortSpan(from, Math.Min(65535, from + random.Next(1, 40000))) : (PortSpan?)null;
                int? type = protocol is 1 or 58 ? (random.Next(2) == 0 ? -1 : 8) : null;
                yield return new NetworkAclEntryView(10 * (n + 1), egress, protocol, random.Next(3) > 0, C(cidr), ports, type, type is null ? null : -1);
            }
            yield return new NetworkAclEntryView(32767, egress, -1, false, C("0.0.0.0/0"));
            yield return new NetworkAclEntryView(32768, egress, -1, false, C("::/0"));
        }
    }

    private static void Rules(Random random, GroupDraft draft)
    {
        if (random.Next(5) > 0) draft.AllEgress();
        else if (random.Next(2) == 0) draft.Egress(6, 0, 65535, "10.0.0.0/8");
        var count = random.Next(0, 5);
        for (var n = 0; n < count; n++)
        {
            var protocol = Protocols[random.Next(Protocols.Length)];
            var peer = random.Next(7) switch
            {
                0 => "0.0.0.0/0",
                1 => $"10.{random.Next(3)}.0.0/16",
                2 => $"10.{random.Next(3)}.{random.Next(3)}.0/24",
                3 => random.Next(2) == 0 ? "pl-a" : "pl-b",
                4 => "::/0",
                _ => $"sg-{random.Next(8)}",
            };
            var from = random.Next(0, 60000);
            var (low, high) = protocol switch
            {
                6 or 17 => ((int?)from, (int?)Math.Min(65535, from + random.Next(0, 30000))),
                1 or 58 => (random.Next(2) == 0 ? -1 : 8, (int?)-1),
                _ => (null, null),
            };
            draft.Ingress(protocol, low, high, peer);
        }
    }
}

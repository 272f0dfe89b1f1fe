using System.Net;
using ControlPlane.Reachability.Queries;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.CrossCheck;

/// <summary>
/// Random queries over a random network: interfaces, resources, addresses (own, public, external, unknown) and the
/// internet as either end; tcp/udp with a port or none, icmp/icmpv6 with or without type and code, -1 and another
/// protocol; source ports from the query or a profile; RequireAllSourcePorts both ways; IPv4 or IPv6; pinned addresses.
/// </summary>
public sealed class RandomQueries(NetworkView view, int seed)
{
    private readonly Random _random = new(seed);

    public ReachabilityQuery Next()
    {
        var ipv6 = view.Vpcs.Any(v => v.CidrBlocks.Any(c => c.IsIpv6)) && Chance(0.25);
        var protocol = Pick([6, 6, 6, 17, 17, -1, -1, ipv6 ? 58 : 1, ipv6 ? 58 : 1, 50]);
        var source = Endpoint(ipv6);
        var destination = Endpoint(ipv6);
        (int? Type, int? Code) icmp = Chance(0.5) ? (null, null) : Pick<(int?, int?)>([(8, 0), (0, 0), (3, 4), (128, 0), (129, 0), (3, null), (11, 0)]);
        return new ReachabilityQuery
        {
            Source = source,
            Destination = destination,
            Protocol = protocol,
            DestinationPort = Chance(0.25) ? null : Pick([22, 80, 443, 53, 5432, 5050, 0, 65535, 1023, 49152, _random.Next(0, 65536)]),
            SourcePorts = Chance(0.7) ? null : Pick([new PortSpan(40000, 40000), new PortSpan(1024, 65535), new PortSpan(32768, 60999), new PortSpan(50000, 50010), new PortSpan(80, 80)]),
            ClientProfile = Pick(Enum.GetValues<ClientProfile>()),
            RequireAllSourcePorts = Chance(0.5),
            IcmpType = icmp.Type,
            IcmpCode = icmp.Code,
            Ipv6 = ipv6,
            SourceAddress = Pin(source, ipv6),
            DestinationAddress = Pin(destination, ipv6),
        };
    }

    private Endpoint Endpoint(bool ipv6)
    {
        var roll = _random.NextDouble();
        if (roll < 0.55) return new Endpoint.Interface(Pick(view.NetworkInterfaces).Id);
        if (roll < 0.63) return Resource();
        if (roll < 0.73) return OwnAddress(ipv6) is { } own ? new Endpoint.Address(own) : new Endpoint.Interface(Pick(view.NetworkInterfaces).Id);
        if (roll < 0.83)
        {
            var gateways = view.Gateways.Where(g => g.Kind == GatewayKind.InternetGateway).Select(g => g.Id).ToList();
            return new Endpoint.Internet(gateways.Count > 0 && Chance(0.3) ? Pick(gateways) : Chance(0.03) ? "igw-00000000000000000" : null);
        }
        if (roll < 0.97) return new Endpoint.Address(External(ipv6));
        return Chance(0.5) ? new Endpoint.Interface("eni-00000000000000000") : new Endpoint.Address(IPAddress.Parse(ipv6 ? "2600:1f18:1::ffff" : "10.1.0.250"));
    }

    private Endpoint Resource()
    {
        var roll = _random.NextDouble();
        if (roll < 0.75 && view.Owners.Count > 0)
        {
            var owner = Pick(view.Owners);
            return new Endpoint.Resource(Pick([owner.Id, owner.Arn ?? owner.Id, owner.Name ?? owner.Id]));
        }
        if (roll < 0.85) return new Endpoint.Resource(Pick(view.NetworkInterfaces).Id);
        if (roll < 0.95 && view.Gateways.Count > 0) return new Endpoint.Resource(Pick(view.Gateways).Id);
        return new Endpoint.Resource("i-00000000000000000");
    }

    /// <summary>An address pinned on an interface end (one of its own, or another interface's), or one internet host's.</summary>
    private IPAddress? Pin(Endpoint endpoint, bool ipv6)
    {
        if (endpoint is Endpoint.Internet) return Chance(0.3) ? External(ipv6) : null;
        if (endpoint is not Endpoint.Interface { NetworkInterfaceId: var id } || !Chance(0.1)) return null;
        var eni = view.NetworkInterfaces.FirstOrDefault(e => e.Id == id);
        var own = eni is null ? [] : Family(eni, ipv6).ToList();
        return own.Count > 0 && Chance(0.6) ? Pick(own) : OwnAddress(ipv6);
    }

    private IPAddress? OwnAddress(bool ipv6)
    {
        // Now and then an address of the other family than the query's.
        if (Chance(0.03)) ipv6 = !ipv6;
        var all = view.NetworkInterfaces.SelectMany(e => Family(e, ipv6)).ToList();
        return all.Count > 0 ? Pick(all) : null;
    }

    private static IEnumerable<IPAddress> Family(NetworkInterfaceView eni, bool ipv6) =>
        ipv6 ? eni.Ipv6Addresses : eni.PrivateIpAddresses.Select(p => p.Address);

    private IPAddress External(bool ipv6)
    {
        if (Chance(0.03)) ipv6 = !ipv6;
        if (ipv6) return IPAddress.Parse(Pick(["2001:db8::5", "2a00:1450::1", "2600:1f18:9::1"]));
        var publicIps = view.NetworkInterfaces.SelectMany(e => e.PrivateIpAddresses).Select(p => p.PublicIp).OfType<IPAddress>().ToList();
        if (publicIps.Count > 0 && Chance(0.2)) return Pick(publicIps);
        return IPAddress.Parse(Pick(["198.51.100.7", "203.0.113.5", "8.8.8.8", "192.168.5.5", "100.64.1.1", "172.31.5.5", "54.1.2.3", "192.0.2.9", "10.99.0.5"]));
    }

    private bool Chance(double p) => _random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

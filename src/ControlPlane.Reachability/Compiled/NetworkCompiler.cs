using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Compiled;

/// <summary>Turns a <see cref="NetworkView"/> into a <see cref="NetworkIndex"/>: every association is resolved here, once.</summary>
internal static class NetworkCompiler
{
    public static NetworkIndex Compile(NetworkView view)
    {
        var prefixLists = First(view.PrefixLists, p => p.Id).ToDictionary(p => p.Key, p => p.Value.Cidrs.Select(Block.Of).ToArray());
        var peerings = First(view.PeeringConnections, p => p.Id).ToDictionary(p => p.Key, p => new CompiledPeering(p.Value));
        var gateways = First(view.Gateways, g => g.Id);
        var vpcs = CompileVpcs(view, peerings.Values, gateways.Values);
        var acls = view.NetworkAcls.OrderBy(a => a.Id, StringComparer.Ordinal).Select((a, i) => new CompiledAcl(i, a)).ToList();
        var tables = view.RouteTables.OrderBy(t => t.Id, StringComparer.Ordinal).Select((t, i) => new CompiledRouteTable(i, t, prefixLists)).ToList();
        var subnets = CompileSubnets(view, vpcs, acls, tables);
        var groups = CompileGroups(view, vpcs, prefixLists);
        var owners = new Dictionary<string, OwnerView>();
        foreach (var owner in view.Owners)
        {
            foreach (var key in new[] { owner.Id, owner.Arn, owner.Name }.Concat(owner.Aliases))
            {
                if (key is not null) owners.TryAdd(key, owner);
            }
        }
        var interfaces = CompileInterfaces(view, subnets, groups, owners);
        return new NetworkIndex
        {
            Vpcs = vpcs,
            Subnets = subnets,
            Interfaces = interfaces,
            InterfacesById = interfaces.ToDictionary(i => i.Id),
            InterfacesByOwner = InterfacesByOwner(view, interfaces),
            Owners = owners,
            Groups = groups,
            AclCount = acls.Count,
            RouteTableCount = tables.Count,
            Uniformity = new SubnetUniformity(acls, tables, subnets.Values, vpcs, peerings),
            Peerings = peerings,
            Gateways = gateways,
            PrefixLists = prefixLists,
            PrivateAddresses = AddressMap(interfaces, i => i.Addresses.Select(a => a.Host)),
            PublicAddresses = AddressMap(interfaces, i => i.Addresses.Where(a => a.PublicIp is not null).Select(a => a.PublicIp!.Value)),
            AllIpv4 = new ManyPairs.Participants(interfaces, ipv6: false),
            AllIpv6 = new ManyPairs.Participants(interfaces, ipv6: true),
        };
    }

    private static Dictionary<string, CompiledVpc> CompileVpcs(NetworkView view, IEnumerable<CompiledPeering> peerings, IEnumerable<GatewayView> gateways)
    {
        var peers = new Dictionary<string, Dictionary<string, CompiledPeering>>();
        foreach (var peering in peerings.Where(p => p.IsActive).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            Peers(peering.View.Requester.VpcId).TryAdd(peering.View.Accepter.VpcId, peering);
            Peers(peering.View.Accepter.VpcId).TryAdd(peering.View.Requester.VpcId, peering);
        }
        var attached = gateways.Where(g => g.VpcId is not null).OrderBy(g => g.Id, StringComparer.Ordinal).ToList();
        return First(view.Vpcs, v => v.Id).ToDictionary(p => p.Key, p => new CompiledVpc(
            p.Value,
            [.. p.Value.CidrBlocks.Select(Block.Of)],
            attached.FirstOrDefault(g => g.VpcId == p.Key && g.Kind == GatewayKind.InternetGateway),
            attached.FirstOrDefault(g => g.VpcId == p.Key && g.Kind == GatewayKind.EgressOnlyInternetGateway),
            peers.TryGetValue(p.Key, out var joined) ? joined : new Dictionary<string, CompiledPeering>()));

        Dictionary<string, CompiledPeering> Peers(string vpcId) =>
            peers.TryGetValue(vpcId, out var map) ? map : peers[vpcId] = [];
    }

    private static Dictionary<string, CompiledSubnet> CompileSubnets(NetworkView view, IReadOnlyDictionary<string, CompiledVpc> vpcs, List<CompiledAcl> acls, List<CompiledRouteTable> tables)
    {
        var aclBySubnet = new Dictionary<string, CompiledAcl>();
        foreach (var acl in acls) foreach (var subnet in acl.View.SubnetIds) aclBySubnet.TryAdd(subnet, acl);
        var tableBySubnet = new Dictionary<string, CompiledRouteTable>();
        var subnets = 0;
        foreach (var table in tables) foreach (var subnet in table.View.SubnetIds) tableBySubnet.TryAdd(subnet, table);
        return First(view.Subnets, s => s.Id).ToDictionary(p => p.Key, p =>
        {
            var subnet = p.Value;
            var acl = aclBySubnet.GetValueOrDefault(subnet.Id) ?? acls.FirstOrDefault(a => a.View.VpcId == subnet.VpcId && a.View.IsDefault);
            var table = tableBySubnet.GetValueOrDefault(subnet.Id) ?? tables.FirstOrDefault(t => t.View.VpcId == subnet.VpcId && t.View.IsMain);
            return new CompiledSubnet(subnets++, subnet, vpcs.GetValueOrDefault(subnet.VpcId), acl, table);
        });
    }

    /// <summary>
    /// Compiles every rule. A group reference becomes the address set of the interfaces carrying the referenced group in
    /// the rule's VPC or a VPC actively peered with it; rules sharing (referenced group, VPC) share one set.
    /// </summary>
    private static Dictionary<string, CompiledGroup> CompileGroups(NetworkView view, IReadOnlyDictionary<string, CompiledVpc> vpcs, IReadOnlyDictionary<string, Block[]> prefixLists)
    {
        var carriers = new Dictionary<string, List<NetworkInterfaceView>>();
        foreach (var eni in view.NetworkInterfaces)
        {
            foreach (var groupId in eni.GroupIds.Distinct())
            {
                if (!carriers.TryGetValue(groupId, out var list)) carriers[groupId] = list = [];
                list.Add(eni);
            }
        }
        var memberSets = new Dictionary<(string Group, string Vpc), AddressSet>();
        AddressSet Members(string referenced, string ruleVpc)
        {
            if (memberSets.TryGetValue((referenced, ruleVpc), out var set)) return set;
            var peers = vpcs.TryGetValue(ruleVpc, out var vpc) ? vpc.ActivePeers : null;
            var addresses = carriers.GetValueOrDefault(referenced, [])
                .Where(e => e.VpcId == ruleVpc || (peers?.ContainsKey(e.VpcId) ?? false))
                .SelectMany(PrivateHosts);
            return memberSets[(referenced, ruleVpc)] = AddressSet.Of(addresses);
        }
        CompiledRule Rule(SecurityGroupView group, SecurityGroupRuleView rule)
        {
            var ports = rule.Protocol is 6 or 17 ? PortSet.Range(rule.FromPort ?? 0, rule.ToPort ?? 65535) : null;
            var peer = rule.Peer;
            if (peer.Cidr is { } cidr) return new CompiledRule(rule, group.Id, ports, Block.Of(cidr), null, null);
            if (peer.PrefixListId is { } list) return new CompiledRule(rule, group.Id, ports, null, prefixLists.GetValueOrDefault(list, []), null);
            return new CompiledRule(rule, group.Id, ports, null, null, peer.GroupId is { } referenced ? Members(referenced, group.VpcId) : AddressSet.Empty);
        }
        var index = 0;
        return First(view.SecurityGroups, g => g.Id).ToDictionary(p => p.Key, p => new CompiledGroup(
            index++,
            p.Key,
            p.Value,
            new RuleSet([.. p.Value.Rules.Where(r => !r.Egress).Select(r => Rule(p.Value, r))]),
            new RuleSet([.. p.Value.Rules.Where(r => r.Egress).Select(r => Rule(p.Value, r))])));
    }

    private static CompiledInterface[] CompileInterfaces(NetworkView view, IReadOnlyDictionary<string, CompiledSubnet> subnets, Dictionary<string, CompiledGroup> groups, IReadOnlyDictionary<string, OwnerView> owners)
    {
        var ordered = First(view.NetworkInterfaces, e => e.Id).Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        // An interface no owner names as its own (a shared Lambda interface) is attributed to the first owner listing it.
        var listedBy = new Dictionary<string, OwnerView>();
        foreach (var owner in view.Owners)
        {
            foreach (var id in owner.InterfaceIds) listedBy.TryAdd(id, owner);
        }
        var result = new CompiledInterface[ordered.Count];
        for (var i = 0; i < ordered.Count; i++)
        {
            var eni = ordered[i];
            var addresses = eni.PrivateIpAddresses
                .OrderByDescending(a => a.Primary)
                .Select(a => new InterfaceAddress(Host.Of(a.Address), a.PublicIp is null ? null : Host.Of(a.PublicIp)))
                .Concat(eni.Ipv6Addresses.Select(a => new InterfaceAddress(Host.Of(a), null)));
            var eniGroups = eni.GroupIds.Distinct().Select(id => groups.TryGetValue(id, out var g) ? g : groups[id] = Unknown(groups.Count, id)).ToArray();
            var owner = eni.OwnerId is { } ownerId ? owners.GetValueOrDefault(ownerId) : listedBy.GetValueOrDefault(eni.Id);
            result[i] = new CompiledInterface(i, eni, subnets.GetValueOrDefault(eni.SubnetId), eniGroups, [.. addresses], owner);
        }
        return result;
    }

    /// <summary>Each owner's interfaces: those naming it as owner and those it lists (<see cref="OwnerView.InterfaceIds"/>), by id.</summary>
    private static Dictionary<string, CompiledInterface[]> InterfacesByOwner(NetworkView view, CompiledInterface[] interfaces)
    {
        var byId = interfaces.ToDictionary(i => i.Id);
        var result = interfaces.Where(i => i.View.OwnerId is not null).GroupBy(i => i.View.OwnerId!).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var owner in view.Owners.Where(o => o.InterfaceIds.Count > 0))
        {
            var listed = owner.InterfaceIds.Select(byId.GetValueOrDefault).OfType<CompiledInterface>();
            result[owner.Id] = [.. result.GetValueOrDefault(owner.Id, []).Concat(listed).DistinctBy(i => i.Id).OrderBy(i => i.Id, StringComparer.Ordinal)];
        }
        return result;
    }

    private static CompiledGroup Unknown(int index, string id) => new(index, id, null, new RuleSet([]), new RuleSet([]));

    private static IEnumerable<Host> PrivateHosts(NetworkInterfaceView eni) =>
        eni.PrivateIpAddresses.Select(a => Host.Of(a.Address)).Concat(eni.Ipv6Addresses.Select(Host.Of));

    private static Dictionary<Host, CompiledInterface> AddressMap(CompiledInterface[] interfaces, Func<CompiledInterface, IEnumerable<Host>> addresses)
    {
        var map = new Dictionary<Host, CompiledInterface>();
        foreach (var eni in interfaces) foreach (var host in addresses(eni)) map.TryAdd(host, eni);
        return map;
    }

    /// <summary>Ids are unique in a view; should one repeat, the first occurrence is the one used.</summary>
    private static Dictionary<string, T> First<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) map.TryAdd(id(item), item);
        return map;
    }
}

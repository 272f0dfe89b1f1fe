using System.Net;
using ControlPlane.Domain.Networking;
using ControlPlane.Reachability.View;

namespace ControlPlane.Reachability.Tests.Compiled;

/// <summary>
/// Builds a <see cref="NetworkView"/> in code. Every VPC gets a main route table with its local routes and a default
/// network ACL that allows everything (as AWS creates them); groups start without rules.
/// </summary>
internal sealed class NetworkBuilder
{
    private readonly List<VpcView> _vpcs = [];
    private readonly List<SubnetView> _subnets = [];
    private readonly Dictionary<string, TableDraft> _tables = [];
    private readonly Dictionary<string, AclDraft> _acls = [];
    private readonly Dictionary<string, GroupDraft> _groups = [];
    private readonly List<NetworkInterfaceView> _interfaces = [];
    private readonly List<PrefixListView> _prefixLists = [];
    private readonly List<GatewayView> _gateways = [];
    private readonly List<PeeringConnectionView> _peerings = [];
    private readonly List<OwnerView> _owners = [];
    private readonly List<LoadBalancerView> _loadBalancers = [];

    public NetworkBuilder Vpc(string id, params string[] cidrs)
    {
        _vpcs.Add(new VpcView(id, Account, [.. cidrs.Select(C)]));
        _tables[MainTable(id)] = new TableDraft(MainTable(id), id, true, [], [.. cidrs.Select(c => new RouteView(C(c), null, RouteTargetKind.Local, "local", RouteState.Active, "CreateRouteTable"))]);
        var entries = new List<NetworkAclEntryView>();
        foreach (var egress in new[] { false, true })
        {
            entries.Add(new NetworkAclEntryView(100, egress, -1, true, C("0.0.0.0/0")));
            entries.Add(new NetworkAclEntryView(32767, egress, -1, false, C("0.0.0.0/0")));
            if (cidrs.Any(c => c.Contains(':')))
            {
                entries.Add(new NetworkAclEntryView(101, egress, -1, true, C("::/0")));
                entries.Add(new NetworkAclEntryView(32768, egress, -1, false, C("::/0")));
            }
        }
        _acls[DefaultAcl(id)] = new AclDraft(DefaultAcl(id), id, true, [], entries);
        return this;
    }

    public NetworkBuilder Subnet(string id, string vpc, string cidr, string? ipv6Cidr = null)
    {
        _subnets.Add(new SubnetView(id, vpc, "us-east-1a", C(cidr), ipv6Cidr is null ? null : C(ipv6Cidr)));
        return this;
    }

    /// <summary>A security group; <paramref name="rules"/> adds its rules.</summary>
    public NetworkBuilder Group(string id, string vpc, Action<GroupDraft>? rules = null)
    {
        var group = new GroupDraft(id, vpc);
        rules?.Invoke(group);
        _groups[id] = group;
        return this;
    }

    /// <summary>Adds rules to a group already declared.</summary>
    public NetworkBuilder Rules(string groupId, Action<GroupDraft> rules)
    {
        rules(_groups[groupId]);
        return this;
    }

    public NetworkBuilder Eni(string id, string subnet, string ip, string[]? groups = null, string? publicIp = null, string[]? secondary = null,
        string[]? ipv6 = null, string status = "in-use", bool sourceDestCheck = true, string? owner = null)
    {
        var vpc = _subnets.Single(s => s.Id == subnet).VpcId;
        var addresses = new List<PrivateAddressView> { new(IPAddress.Parse(ip), true, publicIp is null ? null : IPAddress.Parse(publicIp)) };
        addresses.AddRange((secondary ?? []).Select(a => new PrivateAddressView(IPAddress.Parse(a), false)));
        _interfaces.Add(new NetworkInterfaceView
        {
            Id = id,
            SubnetId = subnet,
            VpcId = vpc,
            Status = status,
            SourceDestCheck = sourceDestCheck,
            PrivateIpAddresses = addresses,
            Ipv6Addresses = [.. (ipv6 ?? []).Select(IPAddress.Parse)],
            GroupIds = groups ?? [],
            OwnerId = owner,
        });
        return this;
    }

    /// <summary>An interface with IPv6 addresses only.</summary>
    public NetworkBuilder Ipv6OnlyEni(string id, string subnet, string ipv6, string[] groups)
    {
        var vpc = _subnets.Single(s => s.Id == subnet).VpcId;
        _interfaces.Add(new NetworkInterfaceView { Id = id, SubnetId = subnet, VpcId = vpc, Ipv6Addresses = [IPAddress.Parse(ipv6)], GroupIds = groups });
        return this;
    }

    public NetworkBuilder Owner(string id, string type = "instance", string state = "running", string? name = null)
    {
        _owners.Add(new OwnerView(id, type, $"arn:aws:ec2:us-east-1:{Account}:{type}/{id}", name, state));
        return this;
    }

    /// <summary>A custom network ACL associated with <paramref name="subnets"/>; entries as given (no <c>*</c> entries unless added).</summary>
    public NetworkBuilder Acl(string id, string vpc, string[] subnets, params NetworkAclEntryView[] entries)
    {
        _acls[id] = new AclDraft(id, vpc, false, [.. subnets], [.. entries]);
        return this;
    }

    /// <summary>A route table explicitly associated with <paramref name="subnets"/>, starting with the VPC's local routes.</summary>
    public NetworkBuilder RouteTable(string id, string vpc, params string[] subnets)
    {
        var local = _tables[MainTable(vpc)].Routes.Where(r => r.TargetKind == RouteTargetKind.Local);
        _tables[id] = new TableDraft(id, vpc, false, [.. subnets], [.. local]);
        return this;
    }

    public NetworkBuilder Route(string tableId, string destination, RouteTargetKind kind, string target, RouteState state = RouteState.Active)
    {
        var table = _tables[tableId];
        table.Routes.Add(destination.StartsWith("pl-", StringComparison.Ordinal)
            ? new RouteView(null, destination, kind, target, state)
            : new RouteView(C(destination), null, kind, target, state));
        return this;
    }

    /// <summary>Replaces every route of a table (to build odd tables, such as a local route wider than the VPC).</summary>
    public NetworkBuilder ReplaceRoutes(string tableId, params RouteView[] routes)
    {
        _tables[tableId].Routes.Clear();
        _tables[tableId].Routes.AddRange(routes);
        return this;
    }

    public NetworkBuilder InternetGateway(string id, string? vpc, GatewayKind kind = GatewayKind.InternetGateway)
    {
        _gateways.Add(new GatewayView(id, kind, vpc));
        return this;
    }

    public NetworkBuilder Peering(string id, string requesterVpc, string accepterVpc, string status = "active", string[]? accepterCidrsOutsideView = null)
    {
        var requester = _vpcs.Single(v => v.Id == requesterVpc);
        var accepter = _vpcs.SingleOrDefault(v => v.Id == accepterVpc);
        var accepterCidrs = accepter?.CidrBlocks ?? [.. (accepterCidrsOutsideView ?? []).Select(C)];
        _peerings.Add(new PeeringConnectionView(id, status,
            new PeeringSideView(requesterVpc, Account, "us-east-1", requester.CidrBlocks),
            new PeeringSideView(accepterVpc, accepter is null ? "999999999999" : Account, "us-east-1", accepterCidrs)));
        return this;
    }

    public NetworkBuilder PrefixList(string id, params string[] cidrs)
    {
        _prefixLists.Add(new PrefixListView(id, id, [.. cidrs.Select(C)]));
        return this;
    }

    public NetworkView Build() => new()
    {
        AccountId = Account,
        Region = "us-east-1",
        Vpcs = _vpcs,
        Subnets = _subnets,
        RouteTables = [.. _tables.Values.Select(t => new RouteTableView(t.Id, t.Vpc, t.IsMain, t.Subnets, [.. t.Routes]))],
        NetworkAcls = [.. _acls.Values.Select(a => new NetworkAclView(a.Id, a.Vpc, a.IsDefault, a.IsDefault ? DefaultSubnets(a) : a.Subnets, a.Entries))],
        SecurityGroups = [.. _groups.Values.Select(g => new SecurityGroupView(g.Id, g.Vpc, Account, g.Id, [.. g.Rules]))],
        NetworkInterfaces = _interfaces,
        PrefixLists = _prefixLists,
        Gateways = _gateways,
        PeeringConnections = _peerings,
        Owners = _owners,
        LoadBalancers = _loadBalancers,
    };

    public NetworkBuilder LoadBalancer(string ownerId, params ListenerView[] listeners)
    {
        _loadBalancers.Add(new LoadBalancerView(ownerId, listeners));
        return this;
    }

    public CompiledNetwork Compile() => CompiledNetwork.Compile(Build());

    public const string Account = "123456789012";

    public static string MainTable(string vpc) => $"rtb-main-{vpc}";

    public static string DefaultAcl(string vpc) => $"acl-default-{vpc}";

    public static Cidr C(string text) => Cidr.TryParse(text, out var cidr) ? cidr : throw new ArgumentException(text, nameof(text));

    /// <summary>Subnets without a custom ACL are the default ACL's.</summary>
    private List<string> DefaultSubnets(AclDraft acl) =>
        [.. _subnets.Where(s => s.VpcId == acl.Vpc && !_acls.Values.Any(a => !a.IsDefault && a.Subnets.Contains(s.Id))).Select(s => s.Id)];

    private sealed record TableDraft(string Id, string Vpc, bool IsMain, List<string> Subnets, List<RouteView> Routes);

    private sealed record AclDraft(string Id, string Vpc, bool IsDefault, List<string> Subnets, List<NetworkAclEntryView> Entries);
}

/// <summary>The rules of a group under construction: peers are a CIDR, a prefix list (<c>pl-</c>) or a group (<c>sg-</c>).</summary>
internal sealed class GroupDraft(string id, string vpc)
{
    private int _next;

    public string Id => id;
    public string Vpc => vpc;
    public List<SecurityGroupRuleView> Rules { get; } = [];

    public GroupDraft Ingress(int protocol, int? from, int? to, string peer) => Add(false, protocol, from, to, peer);

    public GroupDraft Egress(int protocol, int? from, int? to, string peer) => Add(true, protocol, from, to, peer);

    public GroupDraft AllEgress() => Egress(-1, null, null, "0.0.0.0/0").Egress(-1, null, null, "::/0");

    private GroupDraft Add(bool egress, int protocol, int? from, int? to, string peer)
    {
        var rulePeer = peer switch
        {
            _ when peer.StartsWith("pl-", StringComparison.Ordinal) => new RulePeerView(PrefixListId: peer),
            _ when peer.StartsWith("sg-", StringComparison.Ordinal) => new RulePeerView(GroupId: peer),
            _ => new RulePeerView(Cidr: NetworkBuilder.C(peer)),
        };
        Rules.Add(new SecurityGroupRuleView($"sgr-{id}-{++_next}", egress, protocol, from, to, rulePeer));
        return this;
    }
}

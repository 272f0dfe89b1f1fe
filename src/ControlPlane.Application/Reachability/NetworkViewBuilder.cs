using System.Globalization;
using System.Net;
using ControlPlane.Application.Features.Instances;
using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.NetworkAcls;
using ControlPlane.Application.Features.PrefixLists;
using ControlPlane.Application.Features.RouteTables;
using ControlPlane.Application.Features.SecurityGroups;
using ControlPlane.Application.Features.VpcEndpoints;
using ControlPlane.Application.Features.VpcPeering;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Networking;
using ControlPlane.Reachability.View;
using Microsoft.EntityFrameworkCore;
using Model = ControlPlane.Domain.Model;

namespace ControlPlane.Application.Reachability;

/// <summary>
/// Builds the evaluator's input, an immutable <see cref="NetworkView"/> of the request's (account, region), from the
/// store: one query per kind of resource, whatever the size of the network. What the view holds is what the Describe
/// actions show, derived by the same code: route tables through <see cref="RouteTableViews"/> (the local routes and the
/// <c>blackhole</c> states), network ACLs through <see cref="NetworkAclViews"/> (the <c>*</c> entries), peered group
/// references through <see cref="SecurityGroupViews"/>.
/// The scope's state version is read first: a writer committing meanwhile can only make the view newer than its
/// version says, never older, so a view cached under that version is never stale.
/// </summary>
public sealed class NetworkViewBuilder(ControlPlaneDbContext db, RequestContext request, TimeProvider time)
{
    /// <summary>The scope's current state version (bumped by every change, DESIGN.md §4).</summary>
    public Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        var (account, region) = (request.AccountId, request.Region);
        return db.Scopes.AsNoTracking().Where(s => s.AccountId == account && s.Region == region).Select(s => s.Version).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<NetworkView> BuildAsync(CancellationToken cancellationToken)
    {
        var version = await VersionAsync(cancellationToken);
        var now = time.GetUtcNow();

        var vpcs = await db.Vpcs.AsNoTracking().Include(v => v.CidrBlocks).ToListAsync(cancellationToken);
        var vpcsById = vpcs.ToDictionary(v => v.Id, StringComparer.Ordinal);
        var subnets = await db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks).ToListAsync(cancellationToken);
        var tables = await db.RouteTables.AsNoTracking().Include(t => t.Routes).Include(t => t.Associations).AsSplitQuery().ToListAsync(cancellationToken);
        var targets = await RouteTargetState.LoadAsync(db, tables, cancellationToken);
        var acls = await db.NetworkAcls.AsNoTracking().Include(a => a.Entries).Include(a => a.Associations).AsSplitQuery().ToListAsync(cancellationToken);
        var groups = await db.SecurityGroups.AsNoTracking().Include(g => g.Rules).ToListAsync(cancellationToken);
        var peeringOf = await SecurityGroupViews.LoadPeeringsAsync(db, request, groups.SelectMany(g => g.Rules).ToList(),
            groups.ToDictionary(g => g.Id, g => g.VpcId, StringComparer.Ordinal), cancellationToken);
        var interfaces = await db.NetworkInterfaces.AsNoTracking()
            .Include(n => n.PrivateIpAddresses).Include(n => n.Ipv6Addresses).Include(n => n.Groups).AsSplitQuery().ToListAsync(cancellationToken);
        var elasticIps = (await db.ElasticIps.AsNoTracking().Where(e => e.NetworkInterfaceId != null && e.PrivateIpAddress != null)
                .Select(e => new { e.NetworkInterfaceId, e.PrivateIpAddress, e.PublicIp }).ToListAsync(cancellationToken))
            .ToDictionary(e => (e.NetworkInterfaceId!, e.PrivateIpAddress!), e => e.PublicIp);
        var services = await db.ServiceResources.AsNoTracking().ToListAsync(cancellationToken);
        var nats = (await db.NatGateways.AsNoTracking().ToListAsync(cancellationToken))
            .Where(g => g.State != "deleted" && NatGatewayViews.IsVisible(g, now)).ToList();

        return new NetworkView
        {
            AccountId = request.AccountId,
            Region = request.Region,
            Version = version,
            Vpcs = vpcs.Select(v => new VpcView(v.Id, v.AccountId, RouteTableViews.LocalBlocks(v).ToList())).ToList(),
            Subnets = subnets.Select(ToView).ToList(),
            RouteTables = tables.Select(t => ToView(RouteTableViews.ToRow(t, vpcsById.GetValueOrDefault(t.VpcId), targets, []))).ToList(),
            NetworkAcls = acls.Select(a => ToView(a, vpcsById.TryGetValue(a.VpcId, out var vpc) && vpc.CidrBlocks.Any(c => c.IsIpv6))).ToList(),
            SecurityGroups = groups.Select(g => ToView(g, peeringOf)).ToList(),
            NetworkInterfaces = interfaces.Select(n => ToView(n, elasticIps)).ToList(),
            PrefixLists = await PrefixListsAsync(cancellationToken),
            Gateways = await GatewaysAsync(nats, cancellationToken),
            PeeringConnections = await PeeringConnectionsAsync(now, cancellationToken),
            Owners = [.. await OwnersAsync(nats, now, cancellationToken),
                .. ServiceOwners.Build(services, interfaces.Select(n => (n.Id, n.AttachedInstanceId is null ? n.ManagedByResourceId : null)))],
            LoadBalancers = LoadBalancerViews.Build(services),
        };
    }

    private static SubnetView ToView(Model.Subnet s) => new(
        s.Id, s.VpcId, s.AvailabilityZone, ParseCidr(s.CidrBlock), s.Ipv6CidrBlocks.Select(c => ParseCidr(c.Cidr)).FirstOrDefault(c => c is not null));

    /// <summary>The routes as DescribeRouteTables shows them; a subnet with no explicit association uses the main table.</summary>
    private static RouteTableView ToView(RouteTableViews.Row row) => new(
        row.Table.Id, row.Table.VpcId,
        row.Table.Associations.Any(a => a.Main),
        row.Table.Associations.Select(a => a.SubnetId).OfType<string>().Order(StringComparer.Ordinal).ToList(),
        row.Routes.Select(ToView).OfType<RouteView>().ToList());

    private static RouteView? ToView(RouteShape r)
    {
        var (kind, target) = r switch
        {
            { GatewayId: RouteTableViews.LocalGateway } => (RouteTargetKind.Local, RouteTableViews.LocalGateway),
            { GatewayId: { } id } when id.StartsWith("igw-", StringComparison.Ordinal) => (RouteTargetKind.InternetGateway, id),
            { GatewayId: { } id } when id.StartsWith("vpce-", StringComparison.Ordinal) => (RouteTargetKind.GatewayVpcEndpoint, id),
            { GatewayId: { } id } when id.StartsWith("vgw-", StringComparison.Ordinal) => (RouteTargetKind.VirtualPrivateGateway, id),
            { GatewayId: { } id } => (RouteTargetKind.Other, id),
            { EgressOnlyInternetGatewayId: { } id } => (RouteTargetKind.EgressOnlyInternetGateway, id),
            { NatGatewayId: { } id } => (RouteTargetKind.NatGateway, id),
            { NetworkInterfaceId: { } id } => (RouteTargetKind.NetworkInterface, id),
            { InstanceId: { } id } => (RouteTargetKind.Instance, id),
            { VpcPeeringConnectionId: { } id } => (RouteTargetKind.VpcPeeringConnection, id),
            { TransitGatewayId: { } id } => (RouteTargetKind.TransitGateway, id),
            _ => (RouteTargetKind.Other, ""),
        };
        var destination = ParseCidr(r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock);
        if (destination is null && r.DestinationPrefixListId is null) return null;
        var state = r.State == RouteTargetState.Blackhole ? RouteState.Blackhole : RouteState.Active;
        return new RouteView(destination, destination is null ? r.DestinationPrefixListId : null, kind, target, state, r.Origin);
    }

    /// <summary>The entries as DescribeNetworkAcls shows them, the <c>*</c> deny entries included.</summary>
    private static NetworkAclView ToView(Model.NetworkAcl acl, bool vpcHasIpv6) => new(
        acl.Id, acl.VpcId, acl.IsDefault,
        acl.Associations.Select(a => a.SubnetId).Order(StringComparer.Ordinal).ToList(),
        NetworkAclViews.Entries(acl, vpcHasIpv6).Select(ToView).OfType<NetworkAclEntryView>().ToList());

    private static NetworkAclEntryView? ToView(Shapes.NetworkAclEntry e)
    {
        if (ParseCidr(e.CidrBlock ?? e.Ipv6CidrBlock) is not { } cidr) return null;
        var protocol = int.Parse(e.Protocol, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var ports = protocol is 6 or 17 && e.PortRange is { From: { } from, To: { } to } ? new PortSpan(from, to) : (PortSpan?)null;
        var icmp = protocol is 1 or 58 ? e.IcmpTypeCode : null;
        return new NetworkAclEntryView(e.RuleNumber, e.Egress, protocol, e.RuleAction == "allow", cidr, ports, icmp?.Type, icmp?.Code);
    }

    private static SecurityGroupView ToView(Model.SecurityGroup g, SecurityGroupViews.PeeringOf peeringOf) => new(
        g.Id, g.VpcId, g.AccountId, g.GroupName,
        g.Rules.OrderBy(r => r.Sequence).Select(r => new SecurityGroupRuleView(r.Id, r.IsEgress, r.Protocol, r.FromPort, r.ToPort, Peer(r, peeringOf), r.Description)).ToList());

    private static RulePeerView Peer(Model.SecurityGroupRule r, SecurityGroupViews.PeeringOf peeringOf) =>
        r.ReferencedGroupId is { } group
            ? new RulePeerView(GroupId: group, GroupOwnerId: r.ReferencedUserId ?? r.AccountId, VpcPeeringConnectionId: peeringOf(r)?.VpcPeeringConnectionId)
            : r.PrefixListId is { } list
                ? new RulePeerView(PrefixListId: list)
                : new RulePeerView(Cidr: ParseCidr(r.CidrIpv4 ?? r.CidrIpv6));

    /// <summary>
    /// An interface with its addresses as DescribeNetworkInterfaces shows them: the primary address carries the interface's
    /// public or elastic IP, a secondary one the Elastic IP associated with it. Its owner is the instance it is attached
    /// to, or the resource that manages it (NAT gateway, VPC endpoint).
    /// </summary>
    private static NetworkInterfaceView ToView(Model.NetworkInterface n, IReadOnlyDictionary<(string, string), string> elasticIps) => new()
    {
        Id = n.Id,
        SubnetId = n.SubnetId,
        VpcId = n.VpcId,
        AvailabilityZone = n.AvailabilityZone,
        Description = n.Description,
        InterfaceType = n.InterfaceType,
        RequesterManaged = n.RequesterManaged,
        Status = n.Status,
        SourceDestCheck = n.SourceDestCheck,
        PrivateIpAddresses = Features.NetworkInterfaces.NetworkInterfaceViews.PrivateIps(n)
            .Select(p => new PrivateAddressView(IPAddress.Parse(p.Address), p.Primary,
                ParseAddress(p.Primary ? n.PublicIp : elasticIps.GetValueOrDefault((n.Id, p.Address)))))
            .ToList(),
        Ipv6Addresses = Features.NetworkInterfaces.NetworkInterfaceViews.Ipv6(n).Select(IPAddress.Parse).ToList(),
        GroupIds = n.Groups.OrderBy(g => g.Position).Select(g => g.GroupId).ToList(),
        OwnerId = n.AttachedInstanceId ?? n.ManagedByResourceId,
    };

    /// <summary>The scope's own lists with their current entries, and the AWS-managed lists of the region.</summary>
    private async Task<IReadOnlyList<PrefixListView>> PrefixListsAsync(CancellationToken cancellationToken)
    {
        var lists = await db.ManagedPrefixLists.AsNoTracking().Select(p => new { p.Id, p.PrefixListName }).ToListAsync(cancellationToken);
        var ids = lists.Select(l => l.Id).ToList();
        var entries = ids.Count == 0 ? [] : await db.ManagedPrefixListEntries.AsNoTracking()
            .Where(e => e.ToVersion == null && ids.Contains(e.PrefixListId)).Select(e => new { e.PrefixListId, e.Cidr }).ToListAsync(cancellationToken);
        var cidrsOf = entries.ToLookup(e => e.PrefixListId, e => ParseCidr(e.Cidr), StringComparer.Ordinal);
        return lists.Select(l => new PrefixListView(l.Id, l.PrefixListName, cidrsOf[l.Id].OfType<Cidr>().ToList()))
            .Concat(AwsManagedPrefixLists.Of(request.Region).Select(l => new PrefixListView(l.Id, l.Name, l.Cidrs.Select(ParseCidr).OfType<Cidr>().ToList())))
            .ToList();
    }

    /// <summary>Internet gateways (attached or not), egress-only gateways, and the NAT gateways that still exist.</summary>
    private async Task<IReadOnlyList<GatewayView>> GatewaysAsync(IReadOnlyList<Model.NatGateway> nats, CancellationToken cancellationToken)
    {
        var internet = await db.InternetGateways.AsNoTracking().Select(g => new { g.Id, g.AttachedVpcId }).ToListAsync(cancellationToken);
        var egressOnly = await db.EgressOnlyInternetGateways.AsNoTracking().Select(g => new { g.Id, g.VpcId }).ToListAsync(cancellationToken);
        return internet.Select(g => new GatewayView(g.Id, GatewayKind.InternetGateway, g.AttachedVpcId))
            .Concat(egressOnly.Select(g => new GatewayView(g.Id, GatewayKind.EgressOnlyInternetGateway, g.VpcId)))
            .Concat(nats.Select(g => new GatewayView(g.Id, GatewayKind.NatGateway, g.VpcId, g.State)))
            .ToList();
    }

    /// <summary>
    /// The connections this scope is a side of, with their status as of now and both sides' CIDR blocks (the far side
    /// read in its own scope, as DescribeVpcPeeringConnections reads it).
    /// </summary>
    private async Task<IReadOnlyList<PeeringConnectionView>> PeeringConnectionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connections = (await db.VpcPeeringConnections.AsNoTracking().VisibleTo(request).ToListAsync(cancellationToken))
            .Where(p => p.IsVisibleAt(now)).ToList();
        if (connections.Count == 0) return [];
        var sides = await db.LoadSideVpcsAsync(connections, cancellationToken);
        PeeringSideView Side(string account, string region, string vpcId) => new(vpcId, account, region,
            sides.TryGetValue((account, region, vpcId), out var vpc) ? RouteTableViews.LocalBlocks(vpc).ToList() : []);
        return connections.Select(p => new PeeringConnectionView(p.Id, p.StatusAt(now),
            Side(p.RequesterAccountId, p.RequesterRegion, p.RequesterVpcId),
            Side(p.AccepterAccountId, p.AccepterRegion, p.AccepterVpcId))).ToList();
    }

    /// <summary>The resources that own interfaces: instances (with their state), NAT gateways and VPC endpoints, named by their Name tag.</summary>
    private async Task<IReadOnlyList<OwnerView>> OwnersAsync(IReadOnlyList<Model.NatGateway> nats, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var instances = (await db.Instances.AsNoTracking().ToListAsync(cancellationToken)).Where(i => InstanceViews.Visible(i, now)).ToList();
        var endpoints = await db.VpcEndpoints.AsNoTracking().Select(e => new { e.Id, e.State }).ToListAsync(cancellationToken);
        var names = await db.Tags.AsNoTracking().Where(t => t.Key == "Name"
                && (t.ResourceType == InstanceViews.ResourceType || t.ResourceType == NatGatewayViews.ResourceType || t.ResourceType == VpcEndpointViews.ResourceType))
            .ToDictionaryAsync(t => t.ResourceId, t => t.Value, StringComparer.Ordinal, cancellationToken);

        OwnerView Owner(string id, string type, string arnType, string state) =>
            new(id, type, request.Arn(arnType, id), names.GetValueOrDefault(id), state);
        return instances.Select(i => Owner(i.Id, "instance", InstanceViews.ResourceType, i.State))
            .Concat(nats.Select(g => Owner(g.Id, "nat-gateway", NatGatewayViews.ResourceType, g.State)))
            .Concat(endpoints.Select(e => Owner(e.Id, "vpc-endpoint", VpcEndpointViews.ResourceType, e.State)))
            .ToList();
    }

    private static Cidr? ParseCidr(string? text) => Cidr.TryParse(text, out var cidr) ? cidr : null;

    private static IPAddress? ParseAddress(string? text) => text is not null && IPAddress.TryParse(text, out var address) ? address : null;
}

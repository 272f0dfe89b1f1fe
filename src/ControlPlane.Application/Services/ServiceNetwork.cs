using ControlPlane.Application.Features.NatGateways;
using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Services;

/// <summary>
/// What every VPC-placed service does with the network, in one place: check the subnets and security groups a request
/// names (each service passes its own AWS errors), create the requester-managed interfaces its resource shows in EC2,
/// move them to new groups, and delete them with the resource. An interface belongs to its resource through
/// <see cref="NetworkInterface.ManagedByResourceId"/> = the resource's ARN.
/// </summary>
public sealed class ServiceNetwork(ControlPlaneDbContext db, IIdGenerator ids, RequestContext request, IOptions<ControlPlaneOptions> options,
    TimeProvider clock, TagStore tags)
{
    /// <summary>
    /// The subnets, in the order named (duplicates dropped). A missing or malformed id fails with <paramref name="notFound"/>;
    /// subnets of more than one VPC fail with <paramref name="differentVpcs"/>.
    /// </summary>
    public async Task<IReadOnlyList<Subnet>> SubnetsAsync(IEnumerable<string> subnetIds, Func<string, Exception> notFound, Func<Exception> differentVpcs,
        CancellationToken cancellationToken)
    {
        var wanted = subnetIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Subnets.AsNoTracking().Include(s => s.Ipv6CidrBlocks).Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var subnets = wanted.Select(id => found.GetValueOrDefault(id) ?? throw notFound(id)).ToList();
        if (subnets.Select(s => s.VpcId).Distinct().Count() > 1) throw differentVpcs();
        return subnets;
    }

    /// <summary>
    /// The security groups, in the order named (duplicates dropped). A missing one fails with <paramref name="notFound"/>,
    /// one of another VPC than <paramref name="vpcId"/> with <paramref name="otherVpc"/>.
    /// </summary>
    public async Task<IReadOnlyList<SecurityGroup>> GroupsAsync(IEnumerable<string> groupIds, string vpcId, Func<string, Exception> notFound,
        Func<string, Exception> otherVpc, CancellationToken cancellationToken)
    {
        var wanted = groupIds.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.SecurityGroups.AsNoTracking().Where(g => wanted.Contains(g.Id)).ToDictionaryAsync(g => g.Id, cancellationToken);
        var groups = wanted.Select(id => found.GetValueOrDefault(id) ?? throw notFound(id)).ToList();
        if (groups.FirstOrDefault(g => g.VpcId != vpcId) is { } stranger) throw otherVpc(stranger.Id);
        return groups;
    }

    /// <summary>The VPC's <c>default</c> group, which services use when a request names none.</summary>
    public async Task<SecurityGroup> DefaultGroupAsync(string vpcId, CancellationToken cancellationToken) =>
        await db.SecurityGroups.AsNoTracking().FirstAsync(g => g.VpcId == vpcId && g.GroupName == "default", cancellationToken);

    public Task<Vpc?> VpcAsync(string vpcId, CancellationToken cancellationToken) =>
        db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.Id == vpcId, cancellationToken);

    /// <summary>Adds one interface of <paramref name="ownerArn"/> in the subnet, with the lowest free address unless one is asked for.</summary>
    public Task<NetworkInterface> AddInterfaceAsync(string ownerArn, ManagedInterfaces.Spec spec, Subnet subnet, IReadOnlyList<SecurityGroup> groups,
        CancellationToken cancellationToken, string? privateIp = null) =>
        ManagedInterfaces.CreateAsync(db, ids, request, options.Value, subnet, spec with { OwnerResourceId = ownerArn }, privateIp, groups, clock.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Gives a new interface an AWS-owned public IPv4 address (an internet-facing load balancer's or publicly accessible
    /// database's), shown with <paramref name="ipOwnerId"/> (<c>amazon-elb</c>, <c>amazon-rds</c>). The address is one of
    /// 3.0.0.0/8 that no interface in any account holds.
    /// </summary>
    public async Task AssignPublicIpAsync(NetworkInterface eni, string ipOwnerId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var address = $"3.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
            if (db.NetworkInterfaces.Local.Any(n => n.PublicIp == address)
                || await db.NetworkInterfaces.IgnoreQueryFilters().AnyAsync(n => n.PublicIp == address, cancellationToken)) continue;
            eni.PublicIp = address;
            eni.PublicIpOwnerId = ipOwnerId;
            return;
        }
    }

    /// <summary>Takes the public address off an interface (a database made private again).</summary>
    public static void RemovePublicIp(NetworkInterface eni)
    {
        eni.PublicIp = null;
        eni.PublicIpOwnerId = null;
    }

    /// <summary>The resource's interfaces with their addresses and groups, oldest first.</summary>
    public async Task<List<NetworkInterface>> InterfacesAsync(string ownerArn, CancellationToken cancellationToken) =>
        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        (await db.NetworkInterfaces.Include(n => n.PrivateIpAddresses).Include(n => n.Groups)
            .Where(n => n.ManagedByResourceId == ownerArn).ToListAsync(cancellationToken))
        .OrderBy(n => n.AttachTime).ThenBy(n => n.Id, StringComparer.Ordinal).ToList();

    /// <summary>The interfaces of many resources at once, by owner ARN (for describe answers).</summary>
    public async Task<ILookup<string, NetworkInterface>> InterfacesOfAsync(IReadOnlyCollection<string> ownerArns, CancellationToken cancellationToken) =>
        (await db.NetworkInterfaces.AsNoTracking().Include(n => n.PrivateIpAddresses).Include(n => n.Groups)
            .Where(n => n.ManagedByResourceId != null && ownerArns.Contains(n.ManagedByResourceId)).ToListAsync(cancellationToken))
        .OrderBy(n => n.AttachTime).ThenBy(n => n.Id)
        .ToLookup(n => n.ManagedByResourceId!);

    /// <summary>Gives every interface of the resource exactly these groups, as AWS does when the resource's groups change.</summary>
    public async Task SetGroupsAsync(string ownerArn, IReadOnlyList<SecurityGroup> groups, CancellationToken cancellationToken)
    {
        foreach (var eni in await db.NetworkInterfaces.Include(n => n.Groups).Where(n => n.ManagedByResourceId == ownerArn).ToListAsync(cancellationToken))
        {
            await db.ReplaceGroupsAsync(eni, groups, cancellationToken);
        }
    }

    /// <summary>Deletes one interface with its addresses, groups and tags.</summary>
    public Task RemoveInterfaceAsync(string networkInterfaceId, CancellationToken cancellationToken) =>
        ManagedInterfaces.DeleteAsync(db, tags, networkInterfaceId, cancellationToken);

    /// <summary>Deletes every interface of the resource.</summary>
    public async Task RemoveInterfacesAsync(string ownerArn, CancellationToken cancellationToken)
    {
        var interfaces = await db.NetworkInterfaces.Where(n => n.ManagedByResourceId == ownerArn).Select(n => n.Id).ToListAsync(cancellationToken);
        foreach (var id in interfaces) await ManagedInterfaces.DeleteAsync(db, tags, id, cancellationToken);
    }
}

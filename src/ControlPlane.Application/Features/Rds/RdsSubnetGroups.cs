using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Subnet = ControlPlane.Domain.Model.Subnet;
using Tag = ControlPlane.Application.Shapes.Tag;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// DB subnet groups as handlers use them: a stored group, or the <c>default</c> group AWS shows for the default VPC
/// (its default subnets, one per zone), which RDS uses when a request names no group. The default group is not stored:
/// it always reflects the default VPC.
/// https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Subnets
/// </summary>
public static class RdsSubnetGroups
{
    public sealed record Group(string Name, string Arn, string Description, string VpcId, IReadOnlyList<Subnet> Subnets, ServiceResource? Row)
    {
        public IReadOnlyList<Tag> Tags => Row is null ? [] : ServiceResourceStore.Read<DbSubnetGroupDocument>(Row).Tags;
    }

    public static async Task<Group?> FindAsync(ControlPlaneDbContext db, ServiceResourceStore store, string name, CancellationToken cancellationToken)
    {
        var key = name.ToLowerInvariant();
        if (key == RdsNames.DefaultSubnetGroup) return await DefaultAsync(db, store, cancellationToken);
        var row = await store.FindAsync(RdsNames.Service, RdsNames.SubnetGroupKind, key, cancellationToken);
        return row is null ? null : await FromRowAsync(db, row, cancellationToken);
    }

    public static async Task<Group> RequireAsync(ControlPlaneDbContext db, ServiceResourceStore store, string? name, CancellationToken cancellationToken) =>
        await FindAsync(db, store, name ?? RdsNames.DefaultSubnetGroup, cancellationToken) ?? throw RdsErrors.SubnetGroupNotFound(name ?? RdsNames.DefaultSubnetGroup);

    /// <summary>Every group, the default one first when the default VPC exists, then by name as RDS lists them.</summary>
    public static async Task<List<Group>> ListAsync(ControlPlaneDbContext db, ServiceResourceStore store, CancellationToken cancellationToken)
    {
        var groups = new List<Group>();
        if (await DefaultAsync(db, store, cancellationToken) is { } fallback) groups.Add(fallback);
        foreach (var row in await store.ListAsync(RdsNames.Service, RdsNames.SubnetGroupKind, cancellationToken))
            groups.Add(await FromRowAsync(db, row, cancellationToken));
        return groups.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
    }

    public static DBSubnetGroupShape ToShape(Group group) => new(
        group.Name, group.Description, group.VpcId, "Complete",
        group.Subnets.Select(s => new RdsSubnet(s.Id, new RdsAvailabilityZone(s.AvailabilityZone), "Active")).ToList(),
        group.Arn, ["IPV4"]);

    /// <summary>The zones of the group's subnets, in name order.</summary>
    public static IReadOnlyList<string> Zones(Group group) =>
        group.Subnets.Select(s => s.AvailabilityZone).Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<Group?> DefaultAsync(ControlPlaneDbContext db, ServiceResourceStore store, CancellationToken cancellationToken)
    {
        var vpc = await db.Vpcs.AsNoTracking().FirstOrDefaultAsync(v => v.IsDefault, cancellationToken);
        if (vpc is null) return null;
        var subnets = (await db.Subnets.AsNoTracking().Where(s => s.VpcId == vpc.Id && s.DefaultForAz).ToListAsync(cancellationToken))
            .OrderBy(s => s.AvailabilityZone, StringComparer.Ordinal).ToList();
        return new Group(RdsNames.DefaultSubnetGroup, store.Arn(RdsNames.Service, $"{RdsNames.SubnetGroupKind}:{RdsNames.DefaultSubnetGroup}"),
            RdsNames.DefaultSubnetGroup, vpc.Id, subnets, null);
    }

    private static async Task<Group> FromRowAsync(ControlPlaneDbContext db, ServiceResource row, CancellationToken cancellationToken)
    {
        var document = ServiceResourceStore.Read<DbSubnetGroupDocument>(row);
        var ids = document.SubnetIds;
        var found = await db.Subnets.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        // A subnet deleted in EC2 after the group was made drops out of the group, as it does in AWS.
        var subnets = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        return new Group(row.Name, row.Arn, document.Description, row.VpcId ?? "", subnets, row);
    }
}

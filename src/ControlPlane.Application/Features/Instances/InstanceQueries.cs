using ControlPlane.Application.Querying;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Instances;

/// <summary>Look-ups the instance actions share, on the DbContext (the repository).</summary>
public static class InstanceQueries
{
    /// <summary>
    /// The instances named (every id well formed and visible, else Malformed/NotFound), tracked when
    /// <paramref name="tracked"/>. Terminated instances an hour past termination are gone.
    /// </summary>
    public static async Task<List<Instance>> LoadInstancesAsync(this ControlPlaneDbContext db, IReadOnlyList<string>? ids, DateTimeOffset now, bool tracked,
        CancellationToken cancellationToken)
    {
        Ids.RequireWellFormed(ids, ResourceIds.Instance, Ec2Errors.InstanceIdMalformed);
        var query = tracked ? db.Instances : db.Instances.AsNoTracking();
        if (ids is { Count: > 0 }) query = query.Where(i => ids.Contains(i.Id));
        var found = (await query.ToListAsync(cancellationToken)).Where(i => InstanceViews.Visible(i, now)).ToList();
        Ids.RequireFound(ids, found.Select(i => i.Id), Ec2Errors.InstancesNotFound);
        return found;
    }

    public static async Task<Instance> LoadInstanceAsync(this ControlPlaneDbContext db, string? id, DateTimeOffset now, bool tracked, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(id)) throw Ec2Errors.MissingParameter("InstanceId");
        return (await db.LoadInstancesAsync([id], now, tracked, cancellationToken))[0];
    }

    /// <summary>The primary interface (device index 0) of an instance, tracked, with addresses and groups.</summary>
    public static Task<NetworkInterface?> PrimaryInterfaceAsync(this ControlPlaneDbContext db, string instanceId, CancellationToken cancellationToken) =>
        db.NetworkInterfaces.Include(n => n.PrivateIpAddresses).Include(n => n.Ipv6Addresses).Include(n => n.Groups).AsSplitQuery()
            .FirstOrDefaultAsync(n => n.AttachedInstanceId == instanceId && n.DeviceIndex == 0, cancellationToken);

    /// <summary>
    /// Forgets the terminated instances of a subnet being deleted (AWS lets a subnet go while its terminated instances
    /// still show): their rows reference the subnet. Live instances keep it through their interfaces.
    /// </summary>
    public static async Task ForgetTerminatedInSubnetAsync(this ControlPlaneDbContext db, TagStore tags, string subnetId, CancellationToken cancellationToken)
    {
        var gone = await db.Instances.Where(i => i.SubnetId == subnetId && i.State == "terminated").Select(i => new { i.Id, i.RootVolumeId }).ToListAsync(cancellationToken);
        foreach (var instance in gone)
        {
            await tags.RemoveAllAsync(instance.Id, cancellationToken);
            await tags.RemoveAllAsync(instance.RootVolumeId, cancellationToken);
        }
        await db.Instances.Where(i => i.SubnetId == subnetId && i.State == "terminated").ExecuteDeleteAsync(cancellationToken);
    }
}

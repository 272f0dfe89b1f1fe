using ControlPlane.Application.Services;
using ControlPlane.Domain.Model;

namespace ControlPlane.Application.Features.Rds;

/// <summary>Which DB instances and clusters use a DB subnet group.</summary>
public static class RdsUsage
{
    public static async Task<IReadOnlyList<ServiceResource>> UsersOfSubnetGroupAsync(ServiceResourceStore store, string name, CancellationToken cancellationToken)
    {
        var instances = (await store.ListAsync(RdsNames.Service, RdsNames.InstanceKind, cancellationToken))
            .Where(r => ServiceResourceStore.Read<DbInstanceDocument>(r).SubnetGroupName == name);
        var clusters = (await store.ListAsync(RdsNames.Service, RdsNames.ClusterKind, cancellationToken))
            .Where(r => ServiceResourceStore.Read<DbClusterDocument>(r).SubnetGroupName == name);
        return instances.Concat(clusters).ToList();
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Deletes a cluster subnet group no cluster uses (<c>InvalidClusterSubnetGroupStateFault</c> otherwise).
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteClusterSubnetGroup.html
/// </summary>
[AwsService("redshift")]
public static class DeleteClusterSubnetGroup
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ClusterSubnetGroupName { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.ClusterSubnetGroupName!.ToLowerInvariant();
            if (name == RedshiftViews.DefaultSubnetGroup) throw RedshiftErrors.DefaultSubnetGroupReadOnly();
            var row = await store.FindAsync(RedshiftViews.Service, RedshiftViews.SubnetGroupKind, name, cancellationToken)
                ?? throw RedshiftErrors.SubnetGroupNotFound(name);
            var clusters = await store.ListAsync(RedshiftViews.Service, RedshiftViews.ClusterKind, cancellationToken);
            if (clusters.Any(c => ServiceResourceStore.Read<RedshiftClusterDocument>(c).SubnetGroupName == name)) throw RedshiftErrors.SubnetGroupInUse(name);
            store.Remove(row);
            return Empty.Instance;
        }, cancellationToken);
    }
}

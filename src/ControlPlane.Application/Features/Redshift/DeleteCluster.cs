using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Deletes a cluster and its interface. SkipFinalClusterSnapshot=true or a FinalClusterSnapshotIdentifier is required
/// (snapshots are not kept). The answer shows <c>deleting</c>; the cluster is gone at once.
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteCluster.html
/// </summary>
[AwsService("redshift")]
public static class DeleteCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? ClusterIdentifier { get; init; }
        public bool? SkipFinalClusterSnapshot { get; init; }
        public string? FinalClusterSnapshotIdentifier { get; init; }
        public int? FinalClusterSnapshotRetentionPeriod { get; init; }
    }

    public sealed record Result(ClusterShape Cluster);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.ClusterIdentifier!;
            var row = await store.FindAsync(RedshiftViews.Service, RedshiftViews.ClusterKind, id.ToLowerInvariant(), cancellationToken)
                ?? throw RedshiftErrors.ClusterNotFound(id);
            if (command.SkipFinalClusterSnapshot != true && command.FinalClusterSnapshotIdentifier is null) throw RedshiftErrors.FinalSnapshotRequired();
            var interfaces = await network.InterfacesAsync(row.Arn, cancellationToken);
            var answer = RedshiftViews.Cluster(row, ServiceResourceStore.Read<RedshiftClusterDocument>(row), interfaces, store.Region, "deleting");
            await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
            store.Remove(row);
            return new Result(answer);
        }, cancellationToken);
    }
}

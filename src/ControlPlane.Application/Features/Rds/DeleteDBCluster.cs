using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Deletes a DB cluster. An Aurora, DocumentDB or Neptune cluster must have no instances left
/// (<c>InvalidDBClusterStateFault</c>); a Multi-AZ DB cluster's instances and their interfaces go with it. SkipFinalSnapshot
/// or a FinalDBSnapshotIdentifier is required (snapshots are not kept), and a deletion-protected cluster is refused.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBCluster.html
/// </summary>
[AwsService("rds")]
public static class DeleteDBCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBClusterIdentifier { get; init; }
        public bool? SkipFinalSnapshot { get; init; }
        public string? FinalDBSnapshotIdentifier { get; init; }
        public bool? DeleteAutomatedBackups { get; init; }
    }

    public sealed record Result(DBClusterShape DBCluster);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.DBClusterIdentifier!;
            var row = await store.FindAsync(RdsNames.Service, RdsNames.ClusterKind, id.ToLowerInvariant(), cancellationToken)
                ?? throw RdsErrors.ClusterNotFound(id);
            var document = ServiceResourceStore.Read<DbClusterDocument>(row);
            var members = await store.ChildrenAsync(row.Arn, cancellationToken);
            var multiAz = RdsEngines.IsMultiAzClusterEngine(document.Engine);
            if (members.Count > 0 && !multiAz) throw RdsErrors.ClusterHasInstances(row.Name);
            if (command.SkipFinalSnapshot != true && command.FinalDBSnapshotIdentifier is null) throw RdsErrors.ClusterFinalSnapshotRequired();
            if (document.DeletionProtection) throw RdsErrors.ClusterDeletionProtected();

            var answer = RdsViews.Cluster(row, document, members, store.Region, "deleting");
            foreach (var member in members)
            {
                await network.RemoveInterfacesAsync(member.Arn, cancellationToken);
                store.Remove(member);
            }
            store.Remove(row);
            return new Result(answer);
        }, cancellationToken);
    }
}

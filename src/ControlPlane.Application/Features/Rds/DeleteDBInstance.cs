using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Deletes a DB instance and its interfaces. As in AWS, a standalone instance needs SkipFinalSnapshot=true or a
/// FinalDBSnapshotIdentifier (the snapshot itself is not kept: snapshots are not emulated), a cluster member takes
/// neither, and a deletion-protected instance is refused. The answer shows <c>deleting</c>; the instance is gone at once.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBInstance.html
/// </summary>
[AwsService("rds")]
public static class DeleteDBInstance
{
    public sealed record Command : ICommand<Result>
    {
        public string? DBInstanceIdentifier { get; init; }
        public bool? SkipFinalSnapshot { get; init; }
        public string? FinalDBSnapshotIdentifier { get; init; }
        public bool? DeleteAutomatedBackups { get; init; }
    }

    public sealed record Result(DBInstanceShape DBInstance);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.DBInstanceIdentifier!;
            var row = await store.FindAsync(RdsNames.Service, RdsNames.InstanceKind, id.ToLowerInvariant(), cancellationToken)
                ?? throw RdsErrors.InstanceNotFound(id);
            var document = ServiceResourceStore.Read<DbInstanceDocument>(row);
            if (document.DBClusterIdentifier is not null)
            {
                if (command.FinalDBSnapshotIdentifier is not null) throw RdsErrors.FinalSnapshotOfClusterMember();
            }
            else if (command.SkipFinalSnapshot != true && command.FinalDBSnapshotIdentifier is null)
            {
                throw RdsErrors.FinalSnapshotRequired();
            }
            if (document.DeletionProtection) throw RdsErrors.InstanceDeletionProtected();

            var context = await RdsViews.Context.LoadAsync(db, store, cancellationToken);
            var answer = context.Instance(row, store.Region, "deleting");
            await network.RemoveInterfacesAsync(row.Arn, cancellationToken);
            store.Remove(row);
            return new Result(answer);
        }, cancellationToken);
    }
}

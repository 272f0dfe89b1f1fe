using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Deletes a DB subnet group that no DB instance or cluster uses (<c>InvalidDBSubnetGroupStateFault</c> otherwise).
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DeleteDBSubnetGroup.html
/// </summary>
[AwsService("rds")]
public static class DeleteDBSubnetGroup
{
    public sealed record Command : ICommand<Empty>
    {
        public string? DBSubnetGroupName { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var name = command.DBSubnetGroupName!.ToLowerInvariant();
            if (name == RdsNames.DefaultSubnetGroup) throw RdsErrors.DefaultSubnetGroupReadOnly();
            var row = await store.FindAsync(RdsNames.Service, RdsNames.SubnetGroupKind, name, cancellationToken) ?? throw RdsErrors.SubnetGroupNotFound(name);
            if ((await RdsUsage.UsersOfSubnetGroupAsync(store, name, cancellationToken)).FirstOrDefault() is { } user)
                throw RdsErrors.SubnetGroupInUse(name, user.Name);
            store.Remove(row);
            return Empty.Instance;
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Deletes a cluster that has no active or draining service and no running task; its stopped tasks and inactive
/// services go with it. The answer shows the cluster <c>INACTIVE</c>.
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeleteCluster.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DeleteCluster
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
    }

    public sealed record Result(ClusterShape Cluster);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var (tasks, services) = await resources.MembersAsync(cluster, cancellationToken);
            if (services.Any(s => s.State != EcsNames.Inactive)) throw EcsErrors.ClusterContainsServices();
            if (tasks.Any(t => t.State != EcsNames.Stopped)) throw EcsErrors.ClusterContainsTasks();
            var shape = EcsViews.Cluster(cluster, [], tags: true, status: EcsNames.Inactive);
            foreach (var member in tasks.Concat(services)) store.Remove(member);
            store.Remove(cluster);
            return new Result(shape);
        }, cancellationToken);
    }
}

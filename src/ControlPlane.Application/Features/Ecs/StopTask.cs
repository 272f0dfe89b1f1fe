using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Stops a task: STOPPED at once, with the reason given (AWS's default otherwise) and stop code
/// <c>UserInitiated</c>; its interface is deleted. A task of an active service is replaced, as the service scheduler
/// does to keep the desired count. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StopTask.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class StopTask
{
    public const string DefaultReason = "Task stopped by user";

    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public string? Task { get; init; }
        public string? Reason { get; init; }
    }

    public sealed record Result(TaskShape Task);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var task = await resources.FindTaskAsync(cluster, command.Task ?? "", cancellationToken)
                ?? throw EcsErrors.InvalidParameter("The referenced task was not found.");
            var wasRunning = task.State == EcsNames.Running;
            var tasks = new EcsTasks(db, store, network);
            await tasks.StopAsync(task, string.IsNullOrEmpty(command.Reason) ? DefaultReason : command.Reason, "UserInitiated", cancellationToken);
            if (wasRunning && ServiceResourceStore.Read<TaskDocument>(task).ServiceName is { } serviceName
                && await resources.FindServiceAsync(cluster, serviceName, cancellationToken) is { State: EcsNames.Active } service)
            {
                await EcsServices.ReconcileAsync(resources, tasks, cluster, service, cancellationToken);
            }
            return new Result(EcsViews.Task(task, tags: true));
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Marks one revision (<c>family:revision</c> or ARN) <c>INACTIVE</c>: running tasks and services keep it, new tasks
/// and services cannot use it. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeregisterTaskDefinition.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DeregisterTaskDefinition
{
    public sealed record Command : ICommand<Result>
    {
        public string? TaskDefinition { get; init; }
    }

    public sealed record Result(TaskDefinitionShape TaskDefinition);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var reference = command.TaskDefinition ?? "";
            if (!EcsNames.IsArn(reference) && !reference.Contains(':')) throw EcsErrors.InvalidParameter($"Invalid revision number. Number: {reference}");
            var resources = new EcsResources(db, store, network);
            var row = await resources.FindTaskDefinitionAsync(reference, cancellationToken) ?? throw EcsErrors.InvalidParameter("The specified task definition does not exist.");
            if (row.State == EcsNames.Active)
            {
                var document = ServiceResourceStore.Read<TaskDefinitionDocument>(row);
                ServiceResourceStore.Write(row, document with { Status = EcsNames.Inactive, DeregisteredAt = store.Now });
                row.State = EcsNames.Inactive;
            }
            return new Result(EcsViews.TaskDefinition(row));
        }, cancellationToken);
    }
}

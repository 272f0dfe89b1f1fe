using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Describes a task definition by <c>family</c> (latest ACTIVE revision), <c>family:revision</c> or ARN; deregistered
/// revisions stay describable as <c>INACTIVE</c>. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTaskDefinition.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DescribeTaskDefinition
{
    public sealed record Command : ICommand<Result>
    {
        public string? TaskDefinition { get; init; }
        public IReadOnlyList<string>? Include { get; init; }
    }

    public sealed record Result(TaskDefinitionShape TaskDefinition, IReadOnlyList<EcsTag>? Tags);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var resources = new EcsResources(db, store, network);
            var row = await resources.FindTaskDefinitionAsync(command.TaskDefinition ?? "", cancellationToken) ?? throw EcsErrors.UnableToDescribeTaskDefinition();
            return new Result(EcsViews.TaskDefinition(row), EcsViews.WantsTags(command.Include) ? EcsTags.Read(row) : null);
        }
    }
}

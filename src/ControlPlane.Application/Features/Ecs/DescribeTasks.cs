using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Describes up to 100 tasks of a cluster by ARN or id; an unknown one is a <c>MISSING</c> failure. Stopped tasks stay
/// describable. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DescribeTasks
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public IReadOnlyList<string>? Tasks { get; init; }
        public IReadOnlyList<string>? Include { get; init; }
    }

    public sealed record Result(IReadOnlyList<TaskShape> Tasks, IReadOnlyList<Failure> Failures);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var references = command.Tasks ?? [];
            if (references.Count == 0) throw EcsErrors.InvalidParameter("Tasks cannot be empty.");
            if (references.Count > 100) throw EcsErrors.InvalidParameter("Tasks can have at most 100 items.");
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var tags = EcsViews.WantsTags(command.Include);
            var tasks = new List<TaskShape>();
            var failures = new List<Failure>();
            foreach (var reference in references)
            {
                if (await resources.FindTaskAsync(cluster, reference, cancellationToken) is { } row) tasks.Add(EcsViews.Task(row, tags));
                else failures.Add(EcsViews.Missing(EcsNames.IsArn(reference) ? reference : store.Arn(EcsNames.Service, $"task/{cluster.Name}/{reference}")));
            }
            return new Result(tasks, failures);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Describes clusters by name or ARN (the <c>default</c> cluster when none is named); an unknown one is a
/// <c>MISSING</c> failure, not an error. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeClusters.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DescribeClusters
{
    public sealed record Command : ICommand<Result>
    {
        public IReadOnlyList<string>? Clusters { get; init; }
        public IReadOnlyList<string>? Include { get; init; }
    }

    public sealed record Result(IReadOnlyList<ClusterShape> Clusters, IReadOnlyList<Failure> Failures);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var resources = new EcsResources(db, store, network);
            var clusters = new List<ClusterShape>();
            var failures = new List<Failure>();
            var tags = EcsViews.WantsTags(command.Include);
            foreach (var reference in command.Clusters is { Count: > 0 } named ? named : [EcsNames.DefaultCluster])
            {
                if (await resources.FindClusterAsync(reference, cancellationToken) is { } row)
                    clusters.Add(EcsViews.Cluster(row, await store.ChildrenAsync(row.Arn, cancellationToken), tags));
                else
                    failures.Add(EcsViews.Missing(EcsNames.IsArn(reference) ? reference : resources.ClusterArn(reference)));
            }
            return new Result(clusters, failures);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>
/// Describes up to 10 services of a cluster by name or ARN; an unknown one is a <c>MISSING</c> failure, a deleted one
/// shows <c>INACTIVE</c>. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeServices.html
/// </summary>
[AwsService(EcsNames.Service)]
public static class DescribeServices
{
    public sealed record Command : ICommand<Result>
    {
        public string? Cluster { get; init; }
        public IReadOnlyList<string>? Services { get; init; }
        public IReadOnlyList<string>? Include { get; init; }
    }

    public sealed record Result(IReadOnlyList<ServiceShape> Services, IReadOnlyList<Failure> Failures);

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var references = command.Services ?? [];
            if (references.Count == 0) throw EcsErrors.InvalidParameter("Services cannot be empty.");
            if (references.Count > 10) throw EcsErrors.InvalidParameter("services can have at most 10 items.");
            var resources = new EcsResources(db, store, network);
            var cluster = await resources.ClusterAsync(command.Cluster, cancellationToken);
            var tags = EcsViews.WantsTags(command.Include);
            var services = new List<ServiceShape>();
            var failures = new List<Failure>();
            foreach (var reference in references)
            {
                if (await resources.FindServiceAsync(cluster, reference, cancellationToken) is { } row)
                    services.Add(EcsViews.Service(row, await EcsServices.RunningCountAsync(resources, cluster, row, cancellationToken), store.AccountId, tags));
                else
                    failures.Add(EcsViews.Missing(EcsNames.IsArn(reference) ? reference : store.Arn(EcsNames.Service, $"service/{cluster.Name}/{reference}")));
            }
            return new Result(services, failures);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>The account's cluster ARNs in the region, paginated. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListClusters.html</summary>
[AwsService(EcsNames.Service)]
public static class ListClusters
{
    public sealed record Command : ICommand<Result>
    {
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> ClusterArns, string? NextToken);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var arns = (await store.ListAsync(EcsNames.Service, EcsNames.ClusterKind, cancellationToken)).Select(c => c.Arn).ToList();
            var (page, next) = EcsPages.Page(arns, command.MaxResults, command.NextToken);
            return new Result(page, next);
        }
    }
}

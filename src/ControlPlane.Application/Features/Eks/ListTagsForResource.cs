using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Eks;

/// <summary>A cluster's tags. https://docs.aws.amazon.com/eks/latest/APIReference/API_ListTagsForResource.html</summary>
[AwsService("eks")]
public static class ListTagsForResource
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceArn { get; init; }
    }

    public sealed record Result(IReadOnlyDictionary<string, string> Tags);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            new(ServiceResourceStore.Read<ClusterDocument>(await EksClusters.FindByArnAsync(store, command.ResourceArn!, cancellationToken)).Tags);
    }
}

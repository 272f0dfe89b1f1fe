using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>The tags of a cluster, task definition, task or service. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ListTagsForResource.html</summary>
[AwsService(EcsNames.Service)]
public static class ListTagsForResource
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceArn { get; init; }
    }

    public sealed record Result(IReadOnlyList<EcsTag> Tags);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            new(EcsTags.Read(await EcsTaggable.FindAsync(store, command.ResourceArn, cancellationToken)));
    }
}

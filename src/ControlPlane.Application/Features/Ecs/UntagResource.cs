using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>Removes tags by key; absent keys are ignored. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UntagResource.html</summary>
[AwsService(EcsNames.Service)]
public static class UntagResource
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceArn { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await EcsTaggable.FindAsync(store, command.ResourceArn, cancellationToken);
            var keys = (command.TagKeys ?? []).ToHashSet(StringComparer.Ordinal);
            EcsTags.Write(row, EcsTags.Read(row).Where(t => t.Key is null || !keys.Contains(t.Key)).ToList());
            return Empty.Instance;
        }, cancellationToken);
    }
}

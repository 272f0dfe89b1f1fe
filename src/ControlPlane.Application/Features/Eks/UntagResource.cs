using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Eks;

/// <summary>Removes tags from a cluster. https://docs.aws.amazon.com/eks/latest/APIReference/API_UntagResource.html</summary>
[AwsService("eks")]
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
            var row = await EksClusters.FindByArnAsync(store, command.ResourceArn!, cancellationToken);
            var doc = ServiceResourceStore.Read<ClusterDocument>(row);
            var remove = (command.TagKeys ?? []).ToHashSet(StringComparer.Ordinal);
            ServiceResourceStore.Write(row, doc with { Tags = doc.Tags.Where(t => !remove.Contains(t.Key)).ToDictionary(t => t.Key, t => t.Value) });
            return Empty.Instance;
        }, cancellationToken);
    }
}

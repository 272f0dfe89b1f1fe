using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Eks;

/// <summary>Adds or overwrites tags of a cluster (at most 50). https://docs.aws.amazon.com/eks/latest/APIReference/API_TagResource.html</summary>
[AwsService("eks")]
public static class TagResource
{
    public const int Limit = 50;

    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceArn { get; init; }
        public IReadOnlyDictionary<string, string>? Tags { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await EksClusters.FindByArnAsync(store, command.ResourceArn!, cancellationToken);
            var doc = ServiceResourceStore.Read<ClusterDocument>(row);
            var tags = new Dictionary<string, string>(doc.Tags);
            foreach (var (key, value) in command.Tags ?? new Dictionary<string, string>()) tags[key] = value;
            if (tags.Count > Limit) throw EksErrors.InvalidParameter($"The number of tags exceeds the limit of {Limit}.");
            ServiceResourceStore.Write(row, doc with { Tags = tags });
            return Empty.Instance;
        }, cancellationToken);
    }
}

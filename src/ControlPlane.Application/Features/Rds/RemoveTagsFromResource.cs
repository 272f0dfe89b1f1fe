using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Removes tags by key from a DB instance, cluster or subnet group (absent keys are ignored).
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_RemoveTagsFromResource.html
/// </summary>
[AwsService("rds")]
public static class RemoveTagsFromResource
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceName { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await RdsTags.FindAsync(store, command.ResourceName!, cancellationToken);
            var keys = (command.TagKeys ?? []).ToHashSet(StringComparer.Ordinal);
            RdsTags.Write(row, RdsTags.Read(row).Where(t => !keys.Contains(t.Key ?? "")).ToList());
            return Empty.Instance;
        }, cancellationToken);
    }
}

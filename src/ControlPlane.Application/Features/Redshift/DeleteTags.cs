using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Removes tags by key from a cluster or cluster subnet group.
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_DeleteTags.html
/// </summary>
[AwsService("redshift")]
public static class DeleteTags
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
            var row = await RedshiftTags.FindAsync(store, command.ResourceName!, cancellationToken);
            var keys = (command.TagKeys ?? []).ToHashSet(StringComparer.Ordinal);
            RedshiftTags.Write(row, RedshiftTags.Read(row).Where(t => !keys.Contains(t.Key ?? "")).ToList());
            return Empty.Instance;
        }, cancellationToken);
    }
}

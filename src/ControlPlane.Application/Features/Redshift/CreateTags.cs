using ControlPlane.Application.Features.Rds;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// Adds tags to a cluster or cluster subnet group by ARN (an existing key takes the new value).
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_CreateTags.html
/// </summary>
[AwsService("redshift")]
public static class CreateTags
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceName { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await RedshiftTags.FindAsync(store, command.ResourceName!, cancellationToken);
            RedshiftTags.Write(row, RdsTags.Merge(RedshiftTags.Read(row), command.Tags ?? []));
            return Empty.Instance;
        }, cancellationToken);
    }
}

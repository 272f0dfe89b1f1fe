using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// The tags of a DB instance, cluster or subnet group, by ARN.
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ListTagsForResource.html
/// </summary>
[AwsService("rds")]
public static class ListTagsForResource
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceName { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
    }

    public sealed record Result(IReadOnlyList<Tag> TagList);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) =>
            new(RdsTags.Read(await RdsTags.FindAsync(store, command.ResourceName!, cancellationToken)));
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Tags;

/// <summary>https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeTags.html</summary>
public static class DescribeTags
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record TagDescription(string ResourceId, string ResourceType, string Key, string Value);

    public sealed record Result(IReadOnlyList<TagDescription> Tags, string? NextToken);

    private static readonly FilterTable<TagDescription> Table = new(new Dictionary<string, Func<TagDescription, IEnumerable<string?>>>
    {
        ["key"] = t => FilterValues.One(t.Key),
        ["resource-id"] = t => FilterValues.One(t.ResourceId),
        ["resource-type"] = t => FilterValues.One(t.ResourceType),
        ["value"] = t => FilterValues.One(t.Value),
    }, t => [new Tag(t.Key, t.Value)]);

    public sealed class Handler(ControlPlaneDbContext db) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = Table.Compile(command.Filters);
            var rows = await db.Tags.AsNoTracking().ToListAsync(cancellationToken);
            var page = Page.Take(rows.Select(t => new TagDescription(t.ResourceId, t.ResourceType, t.Key, t.Value)).Where(match),
                t => $"{t.ResourceId}\u0001{t.Key}", command);
            return new Result(page.Items, page.NextToken);
        }
    }
}

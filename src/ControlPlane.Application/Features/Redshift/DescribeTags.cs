using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.Redshift;

/// <summary>
/// The tags of one resource (ResourceName) or of every resource of a type (ResourceType <c>cluster</c> or
/// <c>subnetgroup</c>, as the ARN names them), one entry per tag; TagKeys/TagValues narrow them; Marker/MaxRecords paging.
/// https://docs.aws.amazon.com/redshift/latest/APIReference/API_DescribeTags.html
/// </summary>
[AwsService("redshift")]
public static class DescribeTags
{
    public sealed record Command : ICommand<Result>
    {
        public string? ResourceName { get; init; }
        public string? ResourceType { get; init; }
        public int? MaxRecords { get; init; }
        public string? Marker { get; init; }
        public IReadOnlyList<string>? TagKeys { get; init; }
        public IReadOnlyList<string>? TagValues { get; init; }
    }

    public sealed record Result(IReadOnlyList<TaggedResource> TaggedResources, string? Marker);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            List<Domain.Model.ServiceResource> rows;
            if (command.ResourceName is { } name)
            {
                rows = [await RedshiftTags.FindAsync(store, name, cancellationToken)];
            }
            else
            {
                var kinds = command.ResourceType?.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal) switch
                {
                    null => new[] { RedshiftViews.ClusterKind, RedshiftViews.SubnetGroupKind },
                    RedshiftViews.ClusterKind => [RedshiftViews.ClusterKind],
                    RedshiftViews.SubnetGroupKind => [RedshiftViews.SubnetGroupKind],
                    _ => throw RedshiftErrors.InvalidResourceType(command.ResourceType),
                };
                rows = [];
                foreach (var kind in kinds) rows.AddRange(await store.ListAsync(RedshiftViews.Service, kind, cancellationToken));
            }
            var tagged = rows
                .SelectMany(r => RedshiftTags.Read(r).Select(t => new TaggedResource(t, r.Arn, r.Kind)))
                .Where(t => (command.TagKeys is not { Count: > 0 } || command.TagKeys.Contains(t.Tag.Key ?? ""))
                    && (command.TagValues is not { Count: > 0 } || command.TagValues.Contains(t.Tag.Value ?? "")))
                .Select((t, i) => (Key: $"{i:D8}", Item: t));
            var page = RedshiftViews.Page(tagged, t => t.Key, command.MaxRecords, command.Marker);
            return new Result(page.Items.Select(t => t.Item).ToList(), page.Marker);
        }
    }
}

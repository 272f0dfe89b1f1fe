using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// The caller's own lists and the AWS-managed lists of the region (owner <c>AWS</c>), by id and by the filters
/// owner-id, prefix-list-id, prefix-list-name and tags. MaxResults is 1-100 for this action.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeManagedPrefixLists.html
/// </summary>
public static class DescribeManagedPrefixLists
{
    public const int MaxPageSize = 100;

    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public bool? DryRun { get; init; }
        public IReadOnlyList<Filter>? Filters { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
        public IReadOnlyList<string>? PrefixListIds { get; init; }
    }

    public sealed record Result(string? NextToken, IReadOnlyList<PrefixListShapes.ManagedPrefixList> PrefixLists);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            this.Check(c => PrefixListRules.Problem(() => Ids.RequireWellFormed(c.PrefixListIds, PrefixListViews.IdPrefix, Ec2Errors.PrefixListIdMalformed)));
    }

    public sealed class Handler(ControlPlaneDbContext db, TagStore tags, RequestContext request) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var match = PrefixListViews.ManagedFilters.Compile(command.Filters);
            var query = db.ManagedPrefixLists.AsNoTracking();
            if (command.PrefixListIds is { Count: > 0 } ids) query = query.Where(p => ids.Contains(p.Id));
            var lists = await query.ToListAsync(cancellationToken);
            var tagsOf = await tags.LoadAllAsync(PrefixListViews.ResourceType, cancellationToken);
            var all = AwsManagedPrefixLists.Of(request.Region).Select(l => PrefixListViews.ToShape(l, request.Region))
                .Where(l => command.PrefixListIds is not { Count: > 0 } wanted || wanted.Contains(l.PrefixListId))
                .Concat(lists.Select(l => PrefixListViews.ToShape(l, request, tagsOf(l.Id))))
                .ToList();
            Ids.RequireFound(command.PrefixListIds, all.Select(l => l.PrefixListId), Ec2Errors.PrefixListsNotFound);
            var page = Page.Take(all.Where(match), l => l.PrefixListId, command, min: 1, max: MaxPageSize);
            return new Result(page.NextToken, page.Items);
        }
    }
}

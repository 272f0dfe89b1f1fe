using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// The entries of a list, customer-managed or AWS-managed, at its current version or at an earlier TargetVersion,
/// in pages of 1-100 ordered by CIDR.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetManagedPrefixListEntries.html
/// </summary>
public static class GetManagedPrefixListEntries
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IPaged
    {
        public bool? DryRun { get; init; }
        public string? PrefixListId { get; init; }
        public long? TargetVersion { get; init; }
        public int? MaxResults { get; init; }
        public string? NextToken { get; init; }
    }

    public sealed record Result(IReadOnlyList<PrefixListShapes.PrefixListEntry> Entries, string? NextToken);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.PrefixListId!).Must(id => ResourceIds.IsWellFormed(id, PrefixListViews.IdPrefix))
                .WithAwsError((_, id) => Ec2Errors.PrefixListIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, RequestContext request) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var id = command.PrefixListId!;
            _ = Page.Decode(command.NextToken);
            IReadOnlyList<PrefixListShapes.PrefixListEntry> entries;
            if (AwsManagedPrefixLists.Find(request.Region, id) is { } managed)
            {
                RequireVersion(command.TargetVersion, AwsManagedPrefixList.Version);
                entries = managed.Cidrs.Select(c => new PrefixListShapes.PrefixListEntry(c, null)).ToList();
            }
            else
            {
                var version = await db.ManagedPrefixLists.Where(p => p.Id == id).Select(p => (long?)p.Version).FirstOrDefaultAsync(cancellationToken)
                    ?? throw Ec2Errors.PrefixListNotFound(id);
                RequireVersion(command.TargetVersion, version);
                entries = await db.EntriesAt(id, command.TargetVersion ?? version).AsNoTracking()
                    .Select(e => new PrefixListShapes.PrefixListEntry(e.Cidr, e.Description)).ToListAsync(cancellationToken);
            }
            var page = Page.Take(entries, e => e.Cidr, command, min: 1, max: DescribeManagedPrefixLists.MaxPageSize);
            return new Result(page.Items, page.NextToken);
        }

        private static void RequireVersion(long? target, long current)
        {
            if (target is { } v && (v < 1 || v > current)) throw Ec2Errors.PrefixListVersionInvalid(v, current);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// Creates a customer-managed prefix list at version 1. Entries are canonical CIDRs of the list's address family,
/// at most MaxEntries of them; MaxEntries is fixed up front (it counts toward the rule quota of every security
/// group rule that names the list). Names may repeat; names AWS keeps for its own lists are refused.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateManagedPrefixList.html
/// </summary>
public static class CreateManagedPrefixList
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? PrefixListName { get; init; }
        public IReadOnlyList<PrefixListShapes.AddPrefixListEntry>? Entries { get; init; }
        public int? MaxEntries { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public string? AddressFamily { get; init; }

        /// <summary>A retry with the same token answers the list the first call created (its id derives from the token).</summary>
        public string? ClientToken { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(PrefixListShapes.ManagedPrefixList PrefixList);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<ControlPlaneOptions> options)
        {
            var limit = options.Value.Quotas.PrefixListMaxEntries;
            RuleFor(c => c.PrefixListName).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("PrefixListName"));
            RuleFor(c => c.AddressFamily).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("AddressFamily"));
            RuleFor(c => c.MaxEntries).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("MaxEntries"));
            this.Check(c => c.PrefixListName is { } name ? PrefixListRules.NameProblem(name) : null);
            RuleFor(c => c.AddressFamily).Must(f => f is null or PrefixListViews.Ipv4 or PrefixListViews.Ipv6)
                .WithAwsError((_, f) => Ec2Errors.PrefixListAddressFamilyInvalid(f!));
            this.Check(c => c.MaxEntries is { } max ? PrefixListRules.MaxEntriesProblem(max, limit) : null);
            this.Check(c => PrefixListRules.Problem(() => PrefixListRules.ParseEntries(c.Entries ?? [], Family(c))));
            this.Check(c => c.MaxEntries is { } max && (c.Entries?.Count ?? 0) > max ? Ec2Errors.PrefixListMaxEntriesExceeded(max) : null);
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(PrefixListViews.ResourceType);
        }

        private static string? Family(Command c) => c.AddressFamily is PrefixListViews.Ipv4 or PrefixListViews.Ipv6 ? c.AddressFamily : null;
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, IIdGenerator ids, TagStore tags, RequestContext request,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(PrefixListViews.IdPrefix, request, token) : ids.NewId(PrefixListViews.IdPrefix);
            if (command.ClientToken is not null && await db.ManagedPrefixLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) is { } earlier)
            {
                if (earlier.PrefixListName != command.PrefixListName || earlier.AddressFamily != command.AddressFamily || earlier.MaxEntries != command.MaxEntries)
                    throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken);
                var earlierTags = await tags.LoadAsync([id], cancellationToken);
                return new Result(PrefixListViews.ToShape(earlier, request, earlierTags(id)));
            }
            if (await db.ManagedPrefixLists.CountAsync(cancellationToken) >= quotas.PrefixListsPerRegion) throw Ec2Errors.PrefixListLimitExceeded();
            var list = new ManagedPrefixList
            {
                AccountId = request.AccountId, Region = request.Region, Id = id,
                PrefixListName = command.PrefixListName!, AddressFamily = command.AddressFamily!, MaxEntries = command.MaxEntries!.Value,
                State = PrefixListViews.CreateComplete,
            };
            foreach (var (cidr, description) in PrefixListRules.ParseEntries(command.Entries ?? [], list.AddressFamily))
                list.Entries.Add(new ManagedPrefixListEntry { PrefixListId = id, Cidr = cidr.ToString(), Description = description, FromVersion = list.Version });
            db.ManagedPrefixLists.Add(list);
            var applied = await tags.ApplyAsync(command.TagSpecifications, PrefixListViews.ResourceType, id, quotas.TagsPerResource, cancellationToken);
            return new Result(PrefixListViews.ToShape(list, request, applied, PrefixListViews.CreateInProgress));
        }, cancellationToken);
    }
}

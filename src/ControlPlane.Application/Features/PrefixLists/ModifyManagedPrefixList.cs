using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using ControlPlane.Domain.Networking;
using ControlPlane.Domain.SecurityGroups;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.PrefixLists;

/// <summary>
/// Renames a customer-managed list, adds and removes entries, or resizes it. Adding or removing entries makes a new
/// version (earlier versions stay readable through GetManagedPrefixListEntries); renaming and resizing do not. A
/// CurrentVersion that is not the list's version is PrefixListVersionMismatch, so concurrent writers cannot undo
/// each other. Entries and MaxEntries cannot change in one request; a list cannot shrink below its entries, nor
/// grow past what the security groups whose rules name it can take.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyManagedPrefixList.html
/// </summary>
public static class ModifyManagedPrefixList
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public bool? DryRun { get; init; }
        public string? PrefixListId { get; init; }
        public long? CurrentVersion { get; init; }
        public string? PrefixListName { get; init; }
        public IReadOnlyList<PrefixListShapes.AddPrefixListEntry>? AddEntries { get; init; }
        public IReadOnlyList<PrefixListShapes.RemovePrefixListEntry>? RemoveEntries { get; init; }
        public int? MaxEntries { get; init; }
        public bool? IpamPrefixListResolverSyncEnabled { get; init; }
    }

    public sealed record Result(PrefixListShapes.ManagedPrefixList PrefixList);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<ControlPlaneOptions> options)
        {
            var limit = options.Value.Quotas.PrefixListMaxEntries;
            RuleFor(c => c.PrefixListId!).Must(id => ResourceIds.IsWellFormed(id, PrefixListViews.IdPrefix))
                .WithAwsError((_, id) => Ec2Errors.PrefixListIdMalformed(id));
            RuleFor(c => c.IpamPrefixListResolverSyncEnabled).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("IPAM prefix list resolvers are not supported by ControlPlane."));
            this.Check(c => c.PrefixListName is { } name ? PrefixListRules.NameProblem(name) : null);
            this.Check(c => c.MaxEntries is { } max ? PrefixListRules.MaxEntriesProblem(max, limit) : null);
            this.Check(c => c.MaxEntries is not null && ChangesEntries(c) ? Ec2Errors.PrefixListEntriesWithMaxEntries() : null);
            this.Check(c => (c.AddEntries?.Count ?? 0) > PrefixListRules.MaxEntryChanges || (c.RemoveEntries?.Count ?? 0) > PrefixListRules.MaxEntryChanges
                ? Ec2Errors.PrefixListTooManyEntryChanges() : null);
            this.Check(c => PrefixListRules.Problem(() => ParseChanges(c)));
        }
    }

    /// <summary>
    /// The entry changes as canonical CIDRs. One request cannot add and remove the same CIDR (Terraform changes a
    /// description with two requests, a removal and then an addition). The list's family is checked by the handler.
    /// </summary>
    private static (IReadOnlyList<Cidr> Removals, IReadOnlyList<(Cidr Cidr, string? Description)> Additions) ParseChanges(Command c, string? addressFamily = null)
    {
        var removals = PrefixListRules.ParseRemovals(c.RemoveEntries ?? [], addressFamily);
        var additions = PrefixListRules.ParseEntries(c.AddEntries ?? [], addressFamily);
        foreach (var (cidr, _) in additions)
        {
            if (removals.Contains(cidr)) throw Ec2Errors.PrefixListEntryAddedAndRemoved(cidr.ToString());
        }
        return (removals, additions);
    }

    private static bool ChangesEntries(Command c) => (c.AddEntries?.Count ?? 0) > 0 || (c.RemoveEntries?.Count ?? 0) > 0;

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request,
        IOptions<ControlPlaneOptions> options) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.PrefixListId!;
            if (AwsManagedPrefixLists.Find(request.Region, id) is not null) throw Ec2Errors.AwsManagedPrefixListReadOnly(id);
            var list = await db.ManagedPrefixLists.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw Ec2Errors.PrefixListNotFound(id);
            if (command.CurrentVersion is { } expected && expected != list.Version) throw Ec2Errors.PrefixListVersionMismatch();

            var current = await db.ManagedPrefixListEntries.Where(e => e.PrefixListId == id && e.ToVersion == null).ToListAsync(cancellationToken);
            if (ChangesEntries(command)) ChangeEntries(list, current, command);
            if (command.MaxEntries is { } size) await ResizeAsync(list, current.Count, size, cancellationToken);
            if (command.PrefixListName is { } name) list.PrefixListName = name;
            list.State = PrefixListViews.ModifyComplete;

            var tagsOf = await tags.LoadAsync([id], cancellationToken);
            return new Result(PrefixListViews.ToShape(list, request, tagsOf(id), PrefixListViews.ModifyInProgress));
        }, cancellationToken);

        /// <summary>Removals first, then additions, as one new version; entry rows of the old version are closed, not deleted.</summary>
        private void ChangeEntries(ManagedPrefixList list, List<ManagedPrefixListEntry> current, Command command)
        {
            var (removals, additions) = ParseChanges(command, list.AddressFamily);
            var version = list.Version + 1;
            foreach (var cidr in removals.Select(c => c.ToString()))
            {
                var entry = current.Find(e => e.Cidr == cidr) ?? throw Ec2Errors.PrefixListEntryNotFound(cidr);
                entry.ToVersion = version;
            }
            foreach (var (cidr, _) in additions)
            {
                if (current.Find(e => e.Cidr == cidr.ToString()) is { } existing) throw Ec2Errors.PrefixListEntryExists(existing.Cidr, existing.Description);
            }
            if (current.Count - removals.Count + additions.Count > list.MaxEntries) throw Ec2Errors.PrefixListMaxEntriesExceeded(list.MaxEntries);
            foreach (var (cidr, description) in additions)
                db.ManagedPrefixListEntries.Add(new ManagedPrefixListEntry { PrefixListId = list.Id, Cidr = cidr.ToString(), Description = description, FromVersion = version });
            list.Version = version;
        }

        /// <summary>
        /// Every rule naming the list counts its size toward its group's quota, so a list grows only as far as each
        /// referencing group and direction can take.
        /// </summary>
        private async Task ResizeAsync(ManagedPrefixList list, int entries, int size, CancellationToken cancellationToken)
        {
            if (size < entries) throw Ec2Errors.PrefixListMaxEntriesBelowEntries(size, entries);
            if (size > list.MaxEntries)
            {
                var listId = list.Id;
                var referencing = await db.SecurityGroupRules.AsNoTracking().Where(r => r.PrefixListId == listId)
                    .Select(r => new { r.GroupId, r.IsEgress }).Distinct().ToListAsync(cancellationToken);
                var groupIds = referencing.Select(r => r.GroupId).Distinct().ToList();
                var rules = await db.SecurityGroupRules.AsNoTracking().Where(r => groupIds.Contains(r.GroupId)).ToListAsync(cancellationToken);
                var peers = rules.Select(r => (r.GroupId, r.IsEgress, Peer: r.ToSpec().Peer)).ToList();
                var weights = (await db.PrefixListWeightsAsync(request.Region, peers.Where(p => p.Peer.Kind == PeerKind.PrefixList).Select(p => p.Peer.Value), cancellationToken))
                    .Resized(listId, size);
                var quota = options.Value.Quotas.RulesPerSecurityGroup;
                var over = referencing
                    .Where(r => weights.Exceed(peers.Where(p => p.GroupId == r.GroupId && p.IsEgress == r.IsEgress).Select(p => p.Peer), quota))
                    .Select(r => r.GroupId).Distinct().Order(StringComparer.Ordinal).Take(10).ToList();
                if (over.Count > 0) throw Ec2Errors.PrefixListResizeBreaksReferences(listId, over);
            }
            list.MaxEntries = size;
        }
    }
}

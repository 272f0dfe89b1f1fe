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
/// Deletes a customer-managed list with all its versions and tags. "You must first remove all references to the
/// prefix list in your resources": a list a security group rule or a route still names is refused. AWS accepts
/// such a delete and leaves the list <c>delete-failed</c>; the emulator answers DependencyViolation at once.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteManagedPrefixList.html
/// </summary>
public static class DeleteManagedPrefixList
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public bool? DryRun { get; init; }
        public string? PrefixListId { get; init; }
    }

    public sealed record Result(PrefixListShapes.ManagedPrefixList PrefixList);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.PrefixListId!).Must(id => ResourceIds.IsWellFormed(id, PrefixListViews.IdPrefix))
                .WithAwsError((_, id) => Ec2Errors.PrefixListIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.PrefixListId!;
            if (AwsManagedPrefixLists.Find(request.Region, id) is not null) throw Ec2Errors.AwsManagedPrefixListReadOnly(id);
            var list = await db.ManagedPrefixLists.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw Ec2Errors.PrefixListNotFound(id);
            var user = await db.SecurityGroupRules.Where(r => r.PrefixListId == id).OrderBy(r => r.GroupId).Select(r => r.GroupId).FirstOrDefaultAsync(cancellationToken)
                ?? await db.RouteTables.Where(t => t.Routes.Any(r => r.DestinationPrefixListId == id)).OrderBy(t => t.Id).Select(t => t.Id).FirstOrDefaultAsync(cancellationToken);
            if (user is not null) throw Ec2Errors.PrefixListInUse(id, user);

            var tagsOf = await tags.LoadAsync([id], cancellationToken);
            var shape = PrefixListViews.ToShape(list, request, tagsOf(id), PrefixListViews.DeleteInProgress);
            await db.ManagedPrefixListEntries.Where(e => e.PrefixListId == id).ExecuteDeleteAsync(cancellationToken);
            await tags.RemoveAllAsync(id, cancellationToken);
            db.ManagedPrefixLists.Remove(list);
            return new Result(shape);
        }, cancellationToken);
    }
}

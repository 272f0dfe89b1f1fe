using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Tags;

/// <summary>
/// Removes tags: a tag given with a value is removed only when the value matches (an empty value matches only an
/// empty value); a tag given without a value is removed whatever its value; no tags at all removes every tag.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteTags.html
/// </summary>
public static class DeleteTags
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public IReadOnlyList<string>? Resources { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Resources).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("ResourceId.1"));
            RuleForEach(c => c.Tags).Must(t => !string.IsNullOrEmpty(t.Key)).WithAwsError((_, _) => Ec2Errors.MissingParameter("Tag.N.Key"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TaggableResources resources) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var ids = command.Resources!.Distinct().ToList();
            foreach (var id in ids) await resources.ResolveAsync(id, cancellationToken);
            var rows = await db.Tags.Where(t => ids.Contains(t.ResourceId)).ToListAsync(cancellationToken);
            var doomed = command.Tags is not { Count: > 0 } given
                ? rows
                : rows.Where(r => given.Any(g => g.Key == r.Key && (g.Value is null || g.Value == r.Value)));
            db.Tags.RemoveRange(doomed);
            return Empty.Instance;
        }, cancellationToken);
    }
}

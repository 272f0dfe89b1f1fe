using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.Rds;

/// <summary>
/// Adds tags to a DB instance, cluster or subnet group (an existing key takes the new value).
/// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AddTagsToResource.html
/// </summary>
[AwsService("rds")]
public static class AddTagsToResource
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceName { get; init; }
        public IReadOnlyList<Tag>? Tags { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(c => c.Tags).Must(t => !string.IsNullOrEmpty(t.Key) && t.Key.Length <= 128 && (t.Value?.Length ?? 0) <= 256)
                .WithAwsError((_, _) => RdsErrors.InvalidParameterValue("A tag key must be 1 to 128 characters and a value at most 256."));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await RdsTags.FindAsync(store, command.ResourceName!, cancellationToken);
            RdsTags.Write(row, RdsTags.Merge(RdsTags.Read(row), command.Tags ?? []));
            return Empty.Instance;
        }, cancellationToken);
    }
}

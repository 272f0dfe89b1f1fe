using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using FluentValidation;

namespace ControlPlane.Application.Features.Ecs;

/// <summary>Adds or overwrites tags on a cluster, task definition, task or service. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TagResource.html</summary>
[AwsService(EcsNames.Service)]
public static class TagResource
{
    public sealed record Command : ICommand<Empty>
    {
        public string? ResourceArn { get; init; }
        public IReadOnlyList<EcsTag>? Tags { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Tags).Must(EcsTags.AreValid).WithAwsError((_, _) => EcsTags.Invalid());
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await EcsTaggable.FindAsync(store, command.ResourceArn, cancellationToken);
            var tags = EcsTags.Read(row).ToList();
            foreach (var tag in command.Tags ?? [])
            {
                tags.RemoveAll(t => t.Key == tag.Key);
                tags.Add(tag);
            }
            if (!EcsTags.AreValid(tags)) throw EcsTags.Invalid();
            EcsTags.Write(row, tags);
            return Empty.Instance;
        }, cancellationToken);
    }
}

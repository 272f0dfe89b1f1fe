using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.Tags;

/// <summary>Adds or overwrites tags on one or more resources, all or nothing.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateTags.html</summary>
public static class CreateTags
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
            RuleFor(c => c.Tags).NotEmpty().WithAwsError((_, _) => Ec2Errors.MissingParameter("Tag.1.Key"));
            this.ValidTags(c => c.Tags);
        }
    }

    public sealed class Handler(ScopeWriter writer, TaggableResources resources, TagStore tags, IOptions<ControlPlaneOptions> options) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            foreach (var id in command.Resources!.Distinct())
            {
                var type = await resources.ResolveAsync(id, cancellationToken);
                await tags.SetAsync(id, type, command.Tags!, options.Value.Quotas.TagsPerResource, cancellationToken);
            }
            return Empty.Instance;
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Adds tags to load balancers, target groups and listeners (a key already there takes the new value).
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
/// </summary>
[AwsService("elbv2")]
public static class AddTags
{
    public sealed record Command : ICommand<Empty>
    {
        public IReadOnlyList<string>? ResourceArns { get; init; }
        public IReadOnlyList<ResourceTag>? Tags { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ResourceArns).Must(a => a is { Count: > 0 and <= 20 }).WithAwsError((_, _) => ElbErrors.Validation("Between 1 and 20 resource ARNs must be specified"));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var added = LoadBalancingTags.FromRequest(command.Tags);
            foreach (var arn in command.ResourceArns!.Distinct())
            {
                var row = await LoadBalancingTags.FindAsync(store, arn, cancellationToken);
                LoadBalancingTags.Write(row, LoadBalancingTags.Merge(LoadBalancingTags.Read(row), added));
            }
            return Empty.Instance;
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The tags of up to 20 load balancers, target groups and listeners; a missing one fails with the not-found error of its kind.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTags.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeTags
{
    public sealed record Command : ICommand<Result>
    {
        public IReadOnlyList<string>? ResourceArns { get; init; }
    }

    public sealed record Result(IReadOnlyList<TagDescription> TagDescriptions);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ResourceArns).Must(a => a is { Count: > 0 and <= 20 }).WithAwsError((_, _) => ElbErrors.Validation("Between 1 and 20 resource ARNs must be specified"));
        }
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var descriptions = new List<TagDescription>();
            foreach (var arn in command.ResourceArns!.Distinct())
            {
                var row = await LoadBalancingTags.FindAsync(store, arn, cancellationToken);
                descriptions.Add(new TagDescription(row.Arn, LoadBalancingTags.ToShape(LoadBalancingTags.Read(row))));
            }
            return new Result(descriptions);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Changes attributes of a load balancer (deletion protection, idle timeout, cross-zone, ...) and answers all of them.
/// The emulator records them; none changes how the network evaluates.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyLoadBalancerAttributes.html
/// </summary>
[AwsService("elbv2")]
public static class ModifyLoadBalancerAttributes
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
        public IReadOnlyList<AttributeEntry>? Attributes { get; init; }
    }

    public sealed record Result(IReadOnlyList<AttributeEntry> Attributes);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Attributes).Must(a => a!.Count is > 0 and <= 20).When(c => c.Attributes is not null)
                .WithAwsError((_, _) => ElbErrors.Validation("Between 1 and 20 attributes must be specified"));
        }
    }

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LoadBalancers.FindAsync(store, command.LoadBalancerArn!, cancellationToken);
            var document = ServiceResourceStore.Read<LoadBalancerDocument>(row);
            var attributes = ElbAttributes.Apply(document.Attributes, command.Attributes, "Load balancer");
            if (attributes.TryGetValue("idle_timeout.timeout_seconds", out var idle) && int.Parse(idle, System.Globalization.CultureInfo.InvariantCulture) is < 1 or > 4000)
            {
                throw ElbErrors.Validation("The idle timeout must be between 1 and 4000 seconds");
            }
            ServiceResourceStore.Write(row, document with { Attributes = attributes });
            return new Result(ElbAttributes.ToShape(attributes));
        }, cancellationToken);
    }
}

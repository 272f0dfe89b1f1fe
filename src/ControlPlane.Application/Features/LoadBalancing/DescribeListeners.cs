using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// The listeners of a load balancer, or those named by ARN (one of the two is required). Missing ones are
/// <c>ListenerNotFound</c>; a missing load balancer <c>LoadBalancerNotFound</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListeners.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeListeners
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
        public IReadOnlyList<string>? ListenerArns { get; init; }
        public string? Marker { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Result(IReadOnlyList<Listener> Listeners, string? NextMarker);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => c.LoadBalancerArn is not null ^ c.ListenerArns is { Count: > 0 })
                .WithAwsError((_, _) => ElbErrors.Validation("You must specify either listener ARNs or a load balancer ARN"));
            RuleFor(c => c.PageSize).InclusiveBetween(1, 400).When(c => c.PageSize is not null)
                .WithAwsError((_, s) => ElbErrors.Validation($"Page size '{s}' must be between 1 and 400"));
        }
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            List<Domain.Model.ServiceResource> rows;
            if (command.LoadBalancerArn is { } loadBalancerArn)
            {
                await LoadBalancers.FindAsync(store, loadBalancerArn, cancellationToken);
                rows = await store.ChildrenAsync(loadBalancerArn, cancellationToken);
            }
            else
            {
                var all = await store.ListAsync(LoadBalancers.Service, Listeners.Kind, cancellationToken);
                var arns = command.ListenerArns!;
                var missing = arns.Where(a => all.All(r => r.Arn != a)).ToList();
                if (missing.Count > 0) throw ElbErrors.ListenerNotFound(missing);
                rows = all.Where(r => arns.Contains(r.Arn)).ToList();
            }
            var ordered = rows.OrderBy(r => ServiceResourceStore.Read<ListenerDocument>(r).Port ?? 0).ThenBy(r => r.CreatedAt).ToList();
            var (page, next) = LoadBalancers.Page(ordered, command.Marker, command.PageSize);
            return new Result(page.Select(r => Listeners.ToShape(r, ServiceResourceStore.Read<ListenerDocument>(r))).ToList(), next);
        }
    }
}

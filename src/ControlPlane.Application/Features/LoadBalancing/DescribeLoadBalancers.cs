using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Lists the account's ELB v2 load balancers, or those named by ARN or by name (not both); one that is missing fails
/// the call with <c>LoadBalancerNotFound</c>. Pages of <c>PageSize</c> (1-400) follow <c>Marker</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeLoadBalancers.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeLoadBalancers
{
    public sealed record Command : ICommand<Result>
    {
        public IReadOnlyList<string>? LoadBalancerArns { get; init; }
        public IReadOnlyList<string>? Names { get; init; }
        public string? Marker { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Result(IReadOnlyList<LoadBalancer> LoadBalancers, string? NextMarker);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => !(c.LoadBalancerArns is { Count: > 0 } && c.Names is { Count: > 0 }))
                .WithAwsError((_, _) => ElbErrors.Validation("Load balancer names and load balancer ARNs cannot be specified at the same time"));
            RuleFor(c => c.PageSize).InclusiveBetween(1, 400).When(c => c.PageSize is not null)
                .WithAwsError((_, s) => ElbErrors.Validation($"Page size '{s}' must be between 1 and 400"));
            RuleFor(c => c.LoadBalancerArns).Must(a => a!.Count <= 20).When(c => c.LoadBalancerArns is not null)
                .WithAwsError((_, _) => ElbErrors.Validation("At most 20 load balancer ARNs can be specified"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = await store.ListAsync(LoadBalancers.Service, LoadBalancers.Kind, cancellationToken);
            if (command.LoadBalancerArns is { Count: > 0 } arns)
            {
                var missing = arns.Where(a => rows.All(r => r.Arn != a)).ToList();
                if (missing.Count > 0) throw ElbErrors.LoadBalancerNotFound(missing);
                rows = rows.Where(r => arns.Contains(r.Arn)).ToList();
            }
            else if (command.Names is { Count: > 0 } names)
            {
                var missing = names.Where(n => rows.All(r => r.Name != n)).ToList();
                if (missing.Count > 0) throw ElbErrors.LoadBalancerNotFound(missing);
                rows = rows.Where(r => names.Contains(r.Name)).ToList();
            }
            var (page, next) = LoadBalancers.Page(rows, command.Marker, command.PageSize);
            return new Result(await LoadBalancers.ToShapesAsync(db, network, page, cancellationToken), next);
        }
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Lists target groups: all of them, those named by ARN or by name, or those a load balancer's listeners forward to.
/// A missing group is <c>TargetGroupNotFound</c>, a missing load balancer <c>LoadBalancerNotFound</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetGroups.html
/// </summary>
[AwsService("elbv2")]
public static class DescribeTargetGroups
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
        public IReadOnlyList<string>? TargetGroupArns { get; init; }
        public IReadOnlyList<string>? Names { get; init; }
        public string? Marker { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Result(IReadOnlyList<TargetGroup> TargetGroups, string? NextMarker);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => new[] { c.LoadBalancerArn is not null, c.TargetGroupArns is { Count: > 0 }, c.Names is { Count: > 0 } }.Count(x => x) <= 1)
                .WithAwsError((_, _) => ElbErrors.Validation("Only one of load balancer ARN, target group ARNs and names can be specified"));
            RuleFor(c => c.PageSize).InclusiveBetween(1, 400).When(c => c.PageSize is not null)
                .WithAwsError((_, s) => ElbErrors.Validation($"Page size '{s}' must be between 1 and 400"));
        }
    }

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = await store.ListAsync(LoadBalancers.Service, TargetGroups.Kind, cancellationToken);
            var usedBy = await TargetGroups.LoadBalancersOfAsync(store, cancellationToken);
            if (command.TargetGroupArns is { Count: > 0 } arns)
            {
                var missing = arns.Where(a => rows.All(r => r.Arn != a)).ToList();
                if (missing.Count > 0) throw ElbErrors.TargetGroupNotFound(missing);
                rows = rows.Where(r => arns.Contains(r.Arn)).ToList();
            }
            else if (command.Names is { Count: > 0 } names)
            {
                var missing = names.Where(n => rows.All(r => r.Name != n)).ToList();
                if (missing.Count > 0) throw ElbErrors.TargetGroupNotFound(missing);
                rows = rows.Where(r => names.Contains(r.Name)).ToList();
            }
            else if (command.LoadBalancerArn is { } loadBalancerArn)
            {
                await LoadBalancers.FindAsync(store, loadBalancerArn, cancellationToken);
                rows = rows.Where(r => usedBy[r.Arn].Contains(loadBalancerArn)).ToList();
            }
            var (page, next) = LoadBalancers.Page(rows, command.Marker, command.PageSize);
            return new Result(page.Select(r => TargetGroups.ToShape(r, ServiceResourceStore.Read<TargetGroupDocument>(r), usedBy[r.Arn].ToList())).ToList(), next);
        }
    }
}

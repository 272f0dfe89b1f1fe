using ControlPlane.Application.Features.LoadBalancing;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Lists the account's Classic Load Balancers, or those named (a missing one is <c>LoadBalancerNotFound</c>), in pages
/// of <c>PageSize</c> (1-400) following <c>Marker</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeLoadBalancers.html
/// </summary>
[AwsService("elb")]
public static class DescribeLoadBalancers
{
    public sealed record Command : ICommand<Result>
    {
        public IReadOnlyList<string>? LoadBalancerNames { get; init; }
        public string? Marker { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record Result(IReadOnlyList<LoadBalancerDescription> LoadBalancerDescriptions, string? NextMarker);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PageSize).InclusiveBetween(1, 400).When(c => c.PageSize is not null)
                .WithAwsError((_, s) => ClassicElbErrors.Validation($"PageSize '{s}' must be between 1 and 400"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var rows = await store.ListAsync(ClassicLoadBalancers.Service, ClassicLoadBalancers.Kind, cancellationToken);
            if (command.LoadBalancerNames is { Count: > 0 } names)
            {
                if (names.FirstOrDefault(n => rows.All(r => r.Name != n)) is { } missing) throw ClassicElbErrors.LoadBalancerNotFound(missing);
                rows = rows.Where(r => names.Contains(r.Name)).ToList();
            }
            var (page, next) = LoadBalancers.Page(rows, command.Marker, command.PageSize);
            return new Result(await ClassicLoadBalancers.ToShapesAsync(db, store, page, cancellationToken), next);
        }
    }
}

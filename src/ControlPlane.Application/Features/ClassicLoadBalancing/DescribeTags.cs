using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// The tags of up to 20 Classic Load Balancers; a missing one is <c>LoadBalancerNotFound</c>.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DescribeTags.html
/// </summary>
[AwsService("elb")]
public static class DescribeTags
{
    public sealed record Command : ICommand<Result>
    {
        public IReadOnlyList<string>? LoadBalancerNames { get; init; }
    }

    public sealed record Result(IReadOnlyList<TagDescription> TagDescriptions);

    public sealed class Handler(ServiceResourceStore store) : IHandler<Command, Result>
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.LoadBalancerNames is not { Count: > 0 and <= 20 } names) throw ClassicElbErrors.Validation("Between 1 and 20 load balancer names must be specified");
            var descriptions = new List<TagDescription>();
            foreach (var name in names.Distinct())
            {
                var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(await ClassicLoadBalancers.FindAsync(store, name, cancellationToken));
                descriptions.Add(new TagDescription(name, document.Tags.Select(t => new Tag(t.Key, t.Value)).ToList()));
            }
            return new Result(descriptions);
        }
    }
}

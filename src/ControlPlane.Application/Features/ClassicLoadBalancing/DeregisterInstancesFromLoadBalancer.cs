using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Deregisters instances; one that is not registered is <c>InvalidInstance</c>. Answers the instances that remain.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_DeregisterInstancesFromLoadBalancer.html
/// </summary>
[AwsService("elb")]
public static class DeregisterInstancesFromLoadBalancer
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
        public IReadOnlyList<Instance>? Instances { get; init; }
    }

    public sealed record Result(IReadOnlyList<Instance> Instances);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await ClassicLoadBalancers.FindAsync(store, command.LoadBalancerName!, cancellationToken);
            var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(row);
            var ids = (command.Instances ?? []).Select(i => i.InstanceId ?? "").Distinct().ToList();
            if (ids.Count == 0) throw ClassicElbErrors.Validation("At least one instance must be specified");
            if (ids.FirstOrDefault(id => !document.Instances.Contains(id)) is { } stranger) throw ClassicElbErrors.InvalidInstance(stranger);
            var instances = document.Instances.Where(id => !ids.Contains(id)).ToList();
            ServiceResourceStore.Write(row, document with { Instances = instances });
            return new Result(instances.Select(id => new Instance(id)).ToList());
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Registers instances of the load balancer's VPC (not terminated); a missing one or one elsewhere is
/// <c>InvalidInstance</c>. Answers every registered instance.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_RegisterInstancesWithLoadBalancer.html
/// </summary>
[AwsService("elb")]
public static class RegisterInstancesWithLoadBalancer
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
        public IReadOnlyList<Instance>? Instances { get; init; }
    }

    public sealed record Result(IReadOnlyList<Instance> Instances);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await ClassicLoadBalancers.FindAsync(store, command.LoadBalancerName!, cancellationToken);
            var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(row);
            var ids = (command.Instances ?? []).Select(i => i.InstanceId ?? "").Distinct().ToList();
            if (ids.Count == 0) throw ClassicElbErrors.Validation("At least one instance must be specified");
            var found = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id) && i.State != "terminated" && i.VpcId == row.VpcId)
                .Select(i => i.Id).ToListAsync(cancellationToken);
            if (ids.FirstOrDefault(id => !found.Contains(id)) is { } invalid) throw ClassicElbErrors.InvalidInstance(invalid);
            var instances = document.Instances.Concat(ids.Where(id => !document.Instances.Contains(id))).ToList();
            ServiceResourceStore.Write(row, document with { Instances = instances });
            return new Result(instances.Select(id => new Instance(id)).ToList());
        }, cancellationToken);
    }
}

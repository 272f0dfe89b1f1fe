using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Replaces the security groups of a Classic Load Balancer in a VPC, and so of each of its interfaces.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_ApplySecurityGroupsToLoadBalancer.html
/// </summary>
[AwsService("elb")]
public static class ApplySecurityGroupsToLoadBalancer
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> SecurityGroups);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await ClassicLoadBalancers.FindAsync(store, command.LoadBalancerName!, cancellationToken);
            var wanted = (command.SecurityGroups ?? []).Where(g => g.Length > 0).ToList();
            if (wanted.Count == 0) throw ClassicElbErrors.Validation("At least one security group must be specified");
            var groups = await network.GroupsAsync(wanted, row.VpcId!, ClassicElbErrors.SecurityGroupNotFound, ClassicElbErrors.SecurityGroupOtherVpc, cancellationToken);
            var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(row);
            ServiceResourceStore.Write(row, document with { SecurityGroupIds = groups.Select(g => g.Id).ToList() });
            await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
            return new Result(groups.Select(g => g.Id).ToList());
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Replaces the security groups of an Application or Network Load Balancer, and so of every interface it has. An NLB
/// created without groups can never get any, and one created with groups keeps at least one; a GWLB has none.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html
/// </summary>
[AwsService("elbv2")]
public static class SetSecurityGroups
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
        public IReadOnlyList<string>? SecurityGroups { get; init; }
        public string? EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> SecurityGroupIds, string? EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic);

    public sealed class Handler(ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LoadBalancers.FindAsync(store, command.LoadBalancerArn!, cancellationToken);
            var document = ServiceResourceStore.Read<LoadBalancerDocument>(row);
            var wanted = (command.SecurityGroups ?? []).Where(g => g.Length > 0).ToList();
            switch (document.Type)
            {
                case LoadBalancers.Gateway:
                    throw ElbErrors.SecurityGroupsNotSupported(LoadBalancers.Gateway);
                case LoadBalancers.Network when !document.CreatedWithSecurityGroups:
                    throw ElbErrors.NetworkLoadBalancerWithoutGroups();
                case LoadBalancers.Network when wanted.Count == 0:
                    throw ElbErrors.NetworkLoadBalancerRemovingAllGroups();
                case LoadBalancers.Application when wanted.Count == 0:
                    throw ElbErrors.Validation("An Application Load Balancer must have at least one security group");
            }
            var groups = await network.GroupsAsync(wanted, row.VpcId!, ElbErrors.SecurityGroupNotFound, ElbErrors.SecurityGroupOtherVpc, cancellationToken);
            ServiceResourceStore.Write(row, document with { SecurityGroupIds = groups.Select(g => g.Id).ToList() });
            await network.SetGroupsAsync(row.Arn, groups, cancellationToken);
            return new Result(groups.Select(g => g.Id).ToList(),
                document.Type == LoadBalancers.Network ? command.EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic ?? "on" : null);
        }, cancellationToken);
    }
}

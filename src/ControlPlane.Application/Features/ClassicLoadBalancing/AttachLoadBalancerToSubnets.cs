using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.ClassicLoadBalancing;

/// <summary>
/// Adds subnets of the load balancer's VPC (one per Availability Zone), with an interface in each; subnets it already
/// has are kept as they are. Answers all its subnets.
/// https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_AttachLoadBalancerToSubnets.html
/// </summary>
[AwsService("elb")]
public static class AttachLoadBalancerToSubnets
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerName { get; init; }
        public IReadOnlyList<string>? Subnets { get; init; }
    }

    public sealed record Result(IReadOnlyList<string> Subnets);

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await ClassicLoadBalancers.FindAsync(store, command.LoadBalancerName!, cancellationToken);
            var document = ServiceResourceStore.Read<ClassicLoadBalancerDocument>(row);
            if (command.Subnets is not { Count: > 0 }) throw ClassicElbErrors.Validation("At least one subnet must be specified");
            var kept = await db.Subnets.AsNoTracking().Where(s => document.SubnetIds.Contains(s.Id)).ToListAsync(cancellationToken);
            var subnets = await ClassicLoadBalancers.SubnetsAsync(network, command.Subnets, row.VpcId, kept, cancellationToken);
            var added = subnets.Where(s => !document.SubnetIds.Contains(s.Id)).ToList();
            if (added.Count > 0 && document.Scheme == LoadBalancing.LoadBalancers.InternetFacing)
            {
                await LoadBalancing.LoadBalancers.RequireInternetGatewayAsync(db, row.VpcId!, cancellationToken);
            }
            IReadOnlyList<SecurityGroup> groups = await network.GroupsAsync(document.SecurityGroupIds, row.VpcId!, ClassicElbErrors.SecurityGroupNotFound,
                ClassicElbErrors.SecurityGroupOtherVpc, cancellationToken);
            await ClassicLoadBalancers.AddInterfacesAsync(network, row.Arn, row.Name, document, added, groups, cancellationToken);
            var updated = document with { SubnetIds = document.SubnetIds.Concat(added.Select(s => s.Id)).ToList() };
            ServiceResourceStore.Write(row, updated);
            return new Result(updated.SubnetIds);
        }, cancellationToken);
    }
}

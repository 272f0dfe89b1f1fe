using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Services;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;

namespace ControlPlane.Application.Features.LoadBalancing;

/// <summary>
/// Replaces the subnets of a load balancer: an interface is added in each new subnet and removed from each dropped one
/// (the others keep their addresses). The subnets must be in the load balancer's VPC, one per Availability Zone, and an
/// ALB keeps two zones.
/// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSubnets.html
/// </summary>
[AwsService("elbv2")]
public static class SetSubnets
{
    public sealed record Command : ICommand<Result>
    {
        public string? LoadBalancerArn { get; init; }
        public IReadOnlyList<string>? Subnets { get; init; }
        public IReadOnlyList<SubnetMapping>? SubnetMappings { get; init; }
        public string? IpAddressType { get; init; }
        public string? EnablePrefixForIpv6SourceNat { get; init; }

        public IReadOnlyList<string> SubnetIds() =>
            SubnetMappings is { Count: > 0 } mappings ? mappings.Select(m => m.SubnetId ?? "").ToList() : Subnets ?? [];
    }

    public sealed record Result(IReadOnlyList<AvailabilityZone> AvailabilityZones, string? IpAddressType);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => !(c.Subnets is { Count: > 0 } && c.SubnetMappings is { Count: > 0 }))
                .WithAwsError((_, _) => ElbErrors.Validation("You can specify subnets or subnet mappings, but not both"));
            RuleFor(c => c.SubnetIds()).NotEmpty().WithAwsError((_, _) => ElbErrors.Validation("At least one subnet must be specified"));
            RuleFor(c => c.IpAddressType).Must(t => t is null or "ipv4" or "dualstack")
                .WithAwsError((_, t) => ElbErrors.Validation($"IP address type '{t}' is not supported by ControlPlane; use 'ipv4' or 'dualstack'"));
            RuleFor(c => c.SubnetMappings).Must(m => m!.All(x => x.IPv6Address is null && x.SourceNatIpv6Prefix is null)).When(c => c.SubnetMappings is not null)
                .WithAwsError((_, _) => ElbErrors.Validation("IPv6 subnet mappings are not supported by ControlPlane"));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, ServiceResourceStore store, ServiceNetwork network, IIdGenerator ids)
        : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var row = await LoadBalancers.FindAsync(store, command.LoadBalancerArn!, cancellationToken);
            var document = ServiceResourceStore.Read<LoadBalancerDocument>(row);
            var subnets = await network.SubnetsAsync(command.SubnetIds(), ElbErrors.SubnetNotFound, ElbErrors.SubnetsInDifferentVpcs, cancellationToken);
            if (subnets.FirstOrDefault(s => s.VpcId != row.VpcId) is { } stranger) throw ElbErrors.SubnetOtherVpc(stranger.Id, row.VpcId!);
            CreateLoadBalancer.Handler.CheckZones(document.Type, subnets);

            var interfaces = await network.InterfacesAsync(row.Arn, cancellationToken);
            foreach (var eni in interfaces.Where(n => subnets.All(s => s.Id != n.SubnetId))) await network.RemoveInterfaceAsync(eni.Id, cancellationToken);
            var added = subnets.Where(s => !document.SubnetIds.Contains(s.Id)).ToList();
            if (added.Count > 0 && document.Scheme == LoadBalancers.InternetFacing) await LoadBalancers.RequireInternetGatewayAsync(db, row.VpcId!, cancellationToken);
            IReadOnlyList<SecurityGroup> groups = document.SecurityGroupIds.Count > 0
                ? await network.GroupsAsync(document.SecurityGroupIds, row.VpcId!, ElbErrors.SecurityGroupNotFound, ElbErrors.SecurityGroupOtherVpc, cancellationToken)
                : [];
            var mappings = (command.SubnetMappings ?? []).ToDictionary(m => m.SubnetId!, StringComparer.Ordinal);
            await LoadBalancers.AddInterfacesAsync(db, network, ids, row.Arn, document, row.Name, added, groups, mappings, cancellationToken);

            var updated = document with { SubnetIds = subnets.Select(s => s.Id).ToList(), IpAddressType = command.IpAddressType ?? document.IpAddressType };
            ServiceResourceStore.Write(row, updated);
            // The interfaces loaded above and the new ones are all tracked; the removed ones are in dropped subnets.
            var current = db.NetworkInterfaces.Local.Where(n => n.ManagedByResourceId == row.Arn && subnets.Any(s => s.Id == n.SubnetId)).ToList();
            var shape = LoadBalancers.ToShape(row, updated, subnets.ToDictionary(s => s.Id, s => s.AvailabilityZone), current);
            return new Result(shape.AvailabilityZones, updated.IpAddressType);
        }, cancellationToken);
    }
}

using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.VpcEndpoints;

/// <summary>
/// Changes an endpoint: subnets (Interface: an interface is added or removed with each), security groups (set on every
/// interface of the endpoint), route tables (Gateway: the prefix-list route is added or removed with each), the policy
/// (ResetPolicy restores the full-access default) and private DNS.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcEndpoint.html
/// </summary>
public static class ModifyVpcEndpoint
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? VpcEndpointId { get; init; }
        public IReadOnlyList<string>? AddRouteTableIds { get; init; }
        public IReadOnlyList<string>? RemoveRouteTableIds { get; init; }
        public IReadOnlyList<string>? AddSecurityGroupIds { get; init; }
        public IReadOnlyList<string>? RemoveSecurityGroupIds { get; init; }
        public IReadOnlyList<string>? AddSubnetIds { get; init; }
        public IReadOnlyList<string>? RemoveSubnetIds { get; init; }
        public string? PolicyDocument { get; init; }
        public bool? ResetPolicy { get; init; }
        public bool? PrivateDnsEnabled { get; init; }
        public string? IpAddressType { get; init; }
        public bool? DryRun { get; init; }

        public bool TouchesInterfaces() => AddSubnetIds is { Count: > 0 } || RemoveSubnetIds is { Count: > 0 }
            || AddSecurityGroupIds is { Count: > 0 } || RemoveSecurityGroupIds is { Count: > 0 };
    }

    public sealed record Result(bool Return);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.VpcEndpointId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("VpcEndpointId"));
            RuleFor(c => c.VpcEndpointId!).Must(id => ResourceIds.IsWellFormed(id, VpcEndpointViews.IdPrefix)).When(c => c.VpcEndpointId is not null)
                .WithAwsError((_, id) => Ec2Errors.VpcEndpointIdMalformed(id));
            RuleFor(c => c.IpAddressType).Must(t => t is null or "ipv4").WithAwsError((_, t) => Ec2Errors.InvalidParameterValue(t!, "ipAddressType"));
            RuleFor(c => c.PolicyDocument).Null().When(c => c.ResetPolicy == true)
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("The parameters policyDocument and resetPolicy cannot be used together."));
            RuleForEach(c => c.AddSubnetIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
            RuleForEach(c => c.AddRouteTableIds).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.RouteTable))
                .WithAwsError((_, id) => Ec2Errors.RouteTableIdMalformed(id));
            this.ValidGroupIds(c => c.AddSecurityGroupIds);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options, TimeProvider clock) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.VpcEndpointId!;
            var endpoint = await db.VpcEndpoints.WithParts().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw Ec2Errors.VpcEndpointNotFound(id);
            var isInterface = endpoint.VpcEndpointType == VpcEndpointServices.Interface;
            if (!isInterface && command.TouchesInterfaces())
                throw Ec2Errors.EndpointParameterForOtherType(command.AddSubnetIds is { Count: > 0 } || command.RemoveSubnetIds is { Count: > 0 } ? "SubnetId" : "SecurityGroupId",
                    endpoint.VpcEndpointType);
            if (isInterface && (command.AddRouteTableIds is { Count: > 0 } || command.RemoveRouteTableIds is { Count: > 0 }))
                throw Ec2Errors.EndpointParameterForOtherType("RouteTableId", endpoint.VpcEndpointType);

            if (isInterface)
            {
                var current = await CurrentGroupsAsync(endpoint, cancellationToken);
                var wanted = current.Where(g => !(command.RemoveSecurityGroupIds ?? []).Contains(g)).Concat(command.AddSecurityGroupIds ?? [])
                    .Distinct(StringComparer.Ordinal).ToList();
                var groupsChanged = !wanted.SequenceEqual(current);
                var groups = await db.ResolveInterfaceGroupsAsync(wanted, endpoint.VpcId, endpoint.Subnets.FirstOrDefault()?.SubnetId ?? "",
                    options.Value.Quotas.SecurityGroupsPerInterface, cancellationToken);
                await VpcEndpointParts.RemoveSubnetsAsync(db, tags, endpoint, command.RemoveSubnetIds ?? [], cancellationToken);
                if (groupsChanged)
                {
                    foreach (var eniId in endpoint.Subnets.Select(s => s.NetworkInterfaceId).OfType<string>().ToList())
                        await db.ReplaceGroupsAsync(await db.FindInterfaceAsync(eniId, cancellationToken), groups, cancellationToken);
                }
                await VpcEndpointParts.AddSubnetsAsync(db, ids, request, options.Value, endpoint, command.AddSubnetIds ?? [], groups, clock.GetUtcNow(), cancellationToken);
            }
            else
            {
                await VpcEndpointParts.RemoveRouteTablesAsync(db, endpoint, command.RemoveRouteTableIds ?? [], cancellationToken);
                await VpcEndpointParts.AddRouteTablesAsync(db, request, options.Value, endpoint, command.AddRouteTableIds ?? [], cancellationToken);
            }
            if (command.ResetPolicy == true) endpoint.PolicyDocument = VpcEndpointServices.DefaultPolicy;
            if (command.PolicyDocument is { } policy) endpoint.PolicyDocument = policy;
            if (command.PrivateDnsEnabled is { } dns) endpoint.PrivateDnsEnabled = dns;
            return new Result(true);
        }, cancellationToken);

        /// <summary>The groups of the endpoint's interfaces, in order (all interfaces carry the same ones).</summary>
        private async Task<List<string>> CurrentGroupsAsync(Domain.Model.VpcEndpoint endpoint, CancellationToken cancellationToken)
        {
            var first = endpoint.Subnets.OrderBy(s => s.SubnetId, StringComparer.Ordinal).Select(s => s.NetworkInterfaceId).OfType<string>().FirstOrDefault();
            return first is null
                ? []
                : await db.NetworkInterfaceGroups.AsNoTracking().Where(g => g.NetworkInterfaceId == first).OrderBy(g => g.Position).Select(g => g.GroupId)
                    .ToListAsync(cancellationToken);
        }
    }
}

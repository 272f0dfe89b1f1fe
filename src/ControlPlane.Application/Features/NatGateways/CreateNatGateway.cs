using ControlPlane.Application.Features.Addresses;
using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ControlPlane.Application.Features.NatGateways;

/// <summary>
/// Creates a zonal NAT gateway in a subnet, with a requester-managed <c>nat_gateway</c> interface there (no security
/// groups: "You can't associate a security group with a NAT gateway"). A public gateway needs an Elastic IP that is not
/// associated elsewhere, which is associated with that interface; a private one has none. The answer shows the gateway
/// <c>pending</c>; Describe shows it <c>available</c>. AWS reports a missing internet gateway only later, as the
/// gateway's failure code (<c>Gateway.NotAttached</c>); the emulator does not check it. Regional NAT gateways and
/// secondary addresses are not supported.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateNatGateway.html
/// </summary>
public static class CreateNatGateway
{
    public sealed record Command : ICommand<Result>, IDryRunnable, ITagged
    {
        public string? AllocationId { get; init; }
        public string? AvailabilityMode { get; init; }
        public IReadOnlyList<object>? AvailabilityZoneAddresses { get; init; }
        public string? ClientToken { get; init; }
        public string? ConnectivityType { get; init; }
        public string? PrivateIpAddress { get; init; }
        public IReadOnlyList<string>? SecondaryAllocationIds { get; init; }
        public int? SecondaryPrivateIpAddressCount { get; init; }
        public IReadOnlyList<string>? SecondaryPrivateIpAddresses { get; init; }
        public string? SubnetId { get; init; }
        public string? VpcId { get; init; }
        public IReadOnlyList<TagSpecification>? TagSpecifications { get; init; }
        public bool? DryRun { get; init; }

        public string Connectivity => ConnectivityType ?? NatGatewayViews.Public;

        public bool UsesUnsupported() =>
            (AvailabilityMode is not null && AvailabilityMode != "zonal") || AvailabilityZoneAddresses is { Count: > 0 } || VpcId is not null
            || SecondaryAllocationIds is { Count: > 0 } || SecondaryPrivateIpAddresses is { Count: > 0 } || SecondaryPrivateIpAddressCount is > 0;
    }

    public sealed record Result(string? ClientToken, NatGatewayShape NatGateway);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UsesUnsupported()).Equal(false).WithAwsError((_, _) =>
                Ec2Errors.UnsupportedOperation("Regional NAT gateways and secondary NAT gateway addresses are not supported by ControlPlane."));
            RuleFor(c => c.SubnetId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("SubnetId"));
            RuleFor(c => c.SubnetId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).When(c => c.SubnetId is not null)
                .WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
            RuleFor(c => c.ConnectivityType).Must(t => t is null or NatGatewayViews.Public or NatGatewayViews.Private)
                .WithAwsError((_, t) => Ec2Errors.InvalidConnectivityType(t!));
            RuleFor(c => c.AllocationId).NotNull().When(c => c.Connectivity == NatGatewayViews.Public)
                .WithAwsError((_, _) => Ec2Errors.MissingParameter("AllocationId"));
            RuleFor(c => c.AllocationId).Null().When(c => c.Connectivity == NatGatewayViews.Private)
                .WithAwsError((_, _) => Ec2Errors.PrivateNatGatewayWithAllocation());
            RuleFor(c => c.AllocationId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.ElasticIpAllocation)).When(c => c.AllocationId is not null)
                .WithAwsError((_, id) => Ec2Errors.AllocationIdMalformed(id));
            RuleFor(c => c.PrivateIpAddress!).Must(InterfaceRules.IsIpv4).When(c => c.PrivateIpAddress is not null)
                .WithAwsError((_, ip) => Ec2Errors.InvalidIpAddress(ip));
            RuleFor(c => c.ClientToken!).Must(ClientTokenIds.IsValid).When(c => c.ClientToken is not null)
                .WithAwsError((_, t) => Ec2Errors.InvalidClientToken(t));
            this.ValidTagSpecifications(NatGatewayViews.ResourceType);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags, RequestContext request, IIdGenerator ids,
        IOptions<ControlPlaneOptions> options, TimeProvider clock) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var quotas = options.Value.Quotas;
            var now = clock.GetUtcNow();
            var id = command.ClientToken is { } token ? ClientTokenIds.Derive(NatGatewayViews.IdPrefix, request, token) : ids.NewId(NatGatewayViews.IdPrefix);
            if (command.ClientToken is not null && await db.NatGateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken) is { } earlier)
            {
                if (earlier.SubnetId != command.SubnetId || earlier.AllocationId != command.AllocationId) throw Ec2Errors.IdempotentParameterMismatch(command.ClientToken);
                var earlierTags = await tags.LoadAsync([id], cancellationToken);
                return new Result(command.ClientToken, NatGatewayViews.ToShape(new NatGatewayViews.Row(earlier, earlierTags(id), null)));
            }

            var subnet = await db.Subnets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SubnetId, cancellationToken)
                ?? throw Ec2Errors.SubnetNotFound(command.SubnetId!);
            var zone = subnet.AvailabilityZone;
            var inZone = await db.NatGateways.CountAsync(g => g.State != NatGatewayViews.Deleted
                && db.Subnets.Any(s => s.Id == g.SubnetId && s.AvailabilityZone == zone), cancellationToken);
            if (inZone >= quotas.NatGatewaysPerAvailabilityZone) throw Ec2Errors.NatGatewayLimitExceeded(zone);

            ElasticIp? eip = null;
            if (command.AllocationId is { } allocationId)
            {
                eip = await db.ElasticIps.FirstOrDefaultAsync(e => e.Id == allocationId, cancellationToken) ?? throw Ec2Errors.AllocationNotFound(allocationId);
                if (eip.AssociationId is not null) throw Ec2Errors.NatGatewayAllocationAlreadyAssociated(allocationId);
            }

            var spec = new ManagedInterfaces.Spec("nat_gateway", NatGatewayViews.RequesterId, id, NatGatewayViews.Description(id), SourceDestCheck: false);
            var eni = await ManagedInterfaces.CreateAsync(db, ids, request, options.Value, subnet, spec, command.PrivateIpAddress, [], now, cancellationToken);
            var privateIp = eni.PrivateIpAddresses[0].Address;
            if (eip is not null)
            {
                eip.AssociationId = ids.NewId(ResourceIds.ElasticIpAssociation);
                eip.NetworkInterfaceId = eni.Id;
                eip.PrivateIpAddress = privateIp;
                AddressAssociations.SetPublicIp(eni, eip);
            }

            var gateway = new NatGateway
            {
                AccountId = request.AccountId, Region = request.Region, Id = id, VpcId = subnet.VpcId, SubnetId = subnet.Id,
                ConnectivityType = command.Connectivity, State = NatGatewayViews.Available, NetworkInterfaceId = eni.Id,
                AllocationId = eip?.Id, PrivateIp = privateIp, PublicIp = eip?.PublicIp, CreateTime = now,
            };
            db.NatGateways.Add(gateway);
            var applied = await tags.ApplyAsync(command.TagSpecifications, NatGatewayViews.ResourceType, id, quotas.TagsPerResource, cancellationToken);
            return new Result(command.ClientToken, NatGatewayViews.ToShape(new NatGatewayViews.Row(gateway, applied, eip?.AssociationId), state: "pending"));
        }, cancellationToken);
    }
}

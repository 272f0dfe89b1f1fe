using ControlPlane.Application.Features.NetworkInterfaces;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using ControlPlane.Domain.Model;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Associates an Elastic IP address with a private IPv4 address of a network interface (the primary one unless
/// PrivateIpAddress names another), given the interface or an instance with a single interface. The interface's VPC
/// needs an internet gateway. An address associated elsewhere, or a private address that already has an Elastic IP,
/// is Resource.AlreadyAssociated unless AllowReassociation, which moves it. Repeating an association is idempotent.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateAddress.html
/// </summary>
public static class AssociateAddress
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? AllocationId { get; init; }
        public bool? AllowReassociation { get; init; }
        public string? InstanceId { get; init; }
        public string? NetworkInterfaceId { get; init; }
        public string? PrivateIpAddress { get; init; }
        public string? PublicIp { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string AssociationId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AllocationId).NotNull().When(c => c.PublicIp is null).WithAwsError((_, _) => Ec2Errors.MissingParameter("AllocationId"));
            RuleFor(c => c.AllocationId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.ElasticIpAllocation))
                .WithAwsError((_, id) => Ec2Errors.AllocationIdMalformed(id!));
            RuleFor(c => c.InstanceId).NotNull().When(c => c.NetworkInterfaceId is null).WithAwsError((_, _) => Ec2Errors.MissingParameter("InstanceId"));
            RuleFor(c => c.InstanceId).Null().When(c => c.NetworkInterfaceId is not null)
                .WithAwsError((_, _) => Ec2Errors.InvalidParameterCombination("You can specify either an instance ID or a network interface ID, but not both."));
            RuleFor(c => c.InstanceId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.Instance))
                .WithAwsError((_, id) => Ec2Errors.InstanceIdMalformed(id!));
            RuleFor(c => c.NetworkInterfaceId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.NetworkInterface))
                .WithAwsError((_, id) => Ec2Errors.NetworkInterfaceIdMalformed(id!));
            RuleFor(c => c.PrivateIpAddress).Must(ip => ip is null || InterfaceRules.IsIpv4(ip)).WithAwsError((_, ip) => Ec2Errors.InvalidIpAddress(ip!));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eip = await AddressLookup.FindAsync(db, command.AllocationId, command.PublicIp, cancellationToken);
            var eni = await TargetAsync(command, cancellationToken);
            var privateIps = await db.NetworkInterfacePrivateIps.AsNoTracking().Where(p => p.NetworkInterfaceId == eni.Id).ToListAsync(cancellationToken);
            var privateIp = command.PrivateIpAddress is { } wanted
                ? privateIps.FirstOrDefault(p => p.Address == wanted) ?? throw Ec2Errors.AddressNotAssigned(wanted, eni.Id)
                : privateIps.First(p => p.Primary);

            if (eip.AssociationId is { } current && eip.NetworkInterfaceId == eni.Id && eip.PrivateIpAddress == privateIp.Address) return new Result(current);
            var vpcId = eni.VpcId;
            if (!await db.InternetGateways.AnyAsync(g => g.AttachedVpcId == vpcId, cancellationToken)) throw Ec2Errors.VpcHasNoInternetGateway(vpcId);

            var reassociate = command.AllowReassociation == true;
            if (eip.AssociationId is { } elsewhere && !reassociate) throw Ec2Errors.ElasticIpAlreadyAssociated(eip.Id, elsewhere);
            var (eniId, address) = (eni.Id, privateIp.Address);
            var occupant = await db.ElasticIps.FirstOrDefaultAsync(e => e.NetworkInterfaceId == eniId && e.PrivateIpAddress == address && e.Id != eip.Id, cancellationToken);
            if (occupant is not null)
            {
                if (!reassociate) throw Ec2Errors.ElasticIpAlreadyAssociated(occupant.Id, occupant.AssociationId!);
                await AddressAssociations.DisassociateAsync(db, occupant, cancellationToken);
            }
            await AddressAssociations.DisassociateAsync(db, eip, cancellationToken);

            eip.AssociationId = ids.NewId(ResourceIds.ElasticIpAssociation);
            eip.NetworkInterfaceId = eni.Id;
            eip.PrivateIpAddress = privateIp.Address;
            eip.InstanceId = eni.AttachedInstanceId;
            // The interface records the public address of its primary private address; an Elastic IP replaces an
            // auto-assigned public address there.
            if (privateIp.Primary) AddressAssociations.SetPublicIp(eni, eip);
            return new Result(eip.AssociationId);
        }, cancellationToken);

        /// <summary>The named interface, or the instance's only interface.</summary>
        private async Task<NetworkInterface> TargetAsync(Command command, CancellationToken cancellationToken)
        {
            if (command.NetworkInterfaceId is { } eniId)
                return await db.NetworkInterfaces.FirstOrDefaultAsync(n => n.Id == eniId, cancellationToken) ?? throw Ec2Errors.NetworkInterfaceNotFound(eniId);
            var instanceId = command.InstanceId!;
            var attached = await db.NetworkInterfaces.Where(n => n.AttachedInstanceId == instanceId).ToListAsync(cancellationToken);
            return attached switch
            {
                [] => throw Ec2Errors.InstanceNotFound(instanceId),
                [var only] => only,
                _ => throw Ec2Errors.InstanceHasMultipleInterfaces(instanceId),
            };
        }
    }
}

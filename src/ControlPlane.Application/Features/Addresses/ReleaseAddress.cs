using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Releases an Elastic IP address. An associated address is in use: "You must first disassociate the Elastic IP address".
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReleaseAddress.html
/// </summary>
public static class ReleaseAddress
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? AllocationId { get; init; }
        public string? NetworkBorderGroup { get; init; }
        public string? PublicIp { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AllocationId).NotNull().When(c => c.PublicIp is null).WithAwsError((_, _) => Ec2Errors.MissingParameter("AllocationId"));
            RuleFor(c => c.AllocationId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.ElasticIpAllocation))
                .WithAwsError((_, id) => Ec2Errors.AllocationIdMalformed(id!));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eip = await AddressLookup.FindAsync(db, command.AllocationId, command.PublicIp, cancellationToken);
            if (command.NetworkBorderGroup is { } group && group != eip.NetworkBorderGroup) throw Ec2Errors.InvalidNetworkBorderGroup(group);
            if (eip.AssociationId is not null) throw Ec2Errors.ElasticIpInUse(eip.Id);
            await tags.RemoveAllAsync(eip.Id, cancellationToken);
            db.ElasticIps.Remove(eip);
            return Empty.Instance;
        }, cancellationToken);
    }
}

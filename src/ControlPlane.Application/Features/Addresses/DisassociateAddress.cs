using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Addresses;

/// <summary>
/// Ends an Elastic IP's association; the address stays allocated. By public address, an address that is not associated
/// is left as it is ("This is an idempotent operation").
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateAddress.html
/// </summary>
public static class DisassociateAddress
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? AssociationId { get; init; }
        public string? PublicIp { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssociationId).NotNull().When(c => c.PublicIp is null).WithAwsError((_, _) => Ec2Errors.MissingParameter("AssociationId"));
            RuleFor(c => c.AssociationId).Must(id => id is null || ResourceIds.IsWellFormed(id, ResourceIds.ElasticIpAssociation))
                .WithAwsError((_, id) => Ec2Errors.AddressAssociationIdMalformed(id!));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var eip = command.AssociationId is { } id
                ? await db.ElasticIps.FirstOrDefaultAsync(e => e.AssociationId == id, cancellationToken) ?? throw Ec2Errors.AddressAssociationNotFound(id)
                : await AddressLookup.FindAsync(db, null, command.PublicIp, cancellationToken);
            await AddressAssociations.DisassociateAsync(db, eip, cancellationToken);
            return Empty.Instance;
        }, cancellationToken);
    }
}

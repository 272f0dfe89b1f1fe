using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Ends a subnet or gateway association; the subnet falls back to the VPC's main table. The main association itself
/// cannot be disassociated (InvalidParameterValue "cannot disassociate the main route table association …"): a VPC
/// always has a main table, and ReplaceRouteTableAssociation is how another table becomes main.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DisassociateRouteTable.html
/// </summary>
public static class DisassociateRouteTable
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? AssociationId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.AssociationId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("AssociationId"));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.AssociationId!;
            var association = await db.RouteTableAssociations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
                ?? throw Ec2Errors.RouteTableAssociationNotFound(id);
            if (association.Main) throw Ec2Errors.CannotDisassociateMainRouteTable(id);
            db.RouteTableAssociations.Remove(association);
            return Empty.Instance;
        }, cancellationToken);
    }
}

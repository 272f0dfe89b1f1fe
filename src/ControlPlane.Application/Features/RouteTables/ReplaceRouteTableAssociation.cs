using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using RouteTableAssociation = ControlPlane.Domain.Model.RouteTableAssociation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Moves an association (subnet, gateway, or the VPC's main association) to another table of the same VPC, under a new
/// association id. Replacing the main association makes the new table the VPC's main table.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceRouteTableAssociation.html
/// </summary>
public static class ReplaceRouteTableAssociation
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? AssociationId { get; init; }
        public string? RouteTableId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string NewAssociationId, RouteTableAssociationState AssociationState);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssociationId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("AssociationId"));
            RuleFor(c => c.RouteTableId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("RouteTableId"));
            RuleFor(c => c.RouteTableId).Must(RouteRequestRules.IsRouteTableId).WithAwsError((_, id) => Ec2Errors.RouteTableIdMalformed(id!));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var (associationId, tableId) = (command.AssociationId!, command.RouteTableId!);
            var table = await db.RouteTables.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tableId, cancellationToken)
                ?? throw Ec2Errors.RouteTableNotFound(tableId);
            var current = await db.RouteTableAssociations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == associationId, cancellationToken)
                ?? throw Ec2Errors.RouteTableAssociationNotFound(associationId);
            var currentVpc = await db.RouteTables.Where(t => t.Id == current.RouteTableId).Select(t => t.VpcId).FirstAsync(cancellationToken);
            if (currentVpc != table.VpcId) throw Ec2Errors.RouteTableAssociationInOtherVpc(associationId, tableId);

            // The old row goes first: a subnet has at most one association, and the store keeps it so.
            await db.RouteTableAssociations.Where(a => a.Id == associationId).ExecuteDeleteAsync(cancellationToken);
            var replacement = new RouteTableAssociation
            {
                AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.RouteTableAssociation),
                RouteTableId = tableId, SubnetId = current.SubnetId, GatewayId = current.GatewayId, Main = current.Main,
                State = AssociationStates.Associated,
            };
            db.RouteTableAssociations.Add(replacement);
            return new Result(replacement.Id, AssociationStates.AssociatedState);
        }, cancellationToken);
    }
}

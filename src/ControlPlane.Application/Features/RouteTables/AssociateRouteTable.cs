using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using RouteTable = ControlPlane.Domain.Model.RouteTable;
using RouteTableAssociation = ControlPlane.Domain.Model.RouteTableAssociation;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.RouteTables;

/// <summary>
/// Associates a subnet, or an internet gateway attached to the VPC (an edge association), with a route table of the
/// same VPC. A subnet without an association uses the main table; a subnet or gateway already associated with a table
/// is Resource.AlreadyAssociated (ReplaceRouteTableAssociation moves it).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateRouteTable.html
/// </summary>
public static class AssociateRouteTable
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? RouteTableId { get; init; }
        public string? SubnetId { get; init; }
        public string? GatewayId { get; init; }
        public string? PublicIpv4Pool { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string AssociationId, RouteTableAssociationState AssociationState);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.RouteTableId).Must(RouteRequestRules.IsRouteTableId).WithAwsError((_, id) => Ec2Errors.RouteTableIdMalformed(id!));
            RuleFor(c => c).Must(c => c.SubnetId is not null || c.GatewayId is not null).WithAwsError((_, _) => Ec2Errors.RouteTableAssociationTargetMissing());
            RuleFor(c => c).Must(c => c.SubnetId is null || c.GatewayId is null).WithAwsError((_, _) => Ec2Errors.RouteTableAssociationTargetCombination());
            RuleFor(c => c.SubnetId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).When(c => c.SubnetId is not null)
                .WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
            RuleFor(c => c.PublicIpv4Pool).Null()
                .WithAwsError((_, _) => Ec2Errors.UnsupportedOperation("BYOIP public IPv4 pools are not supported by ControlPlane."));
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var tableId = command.RouteTableId!;
            var table = await db.RouteTables.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tableId, cancellationToken)
                ?? throw Ec2Errors.RouteTableNotFound(tableId);
            if (command.SubnetId is { } subnetId) await CheckSubnetAsync(table, subnetId, cancellationToken);
            else await CheckGatewayAsync(table, command.GatewayId!, cancellationToken);

            var association = new RouteTableAssociation
            {
                AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.RouteTableAssociation),
                RouteTableId = tableId, SubnetId = command.SubnetId, GatewayId = command.GatewayId, State = AssociationStates.Associated,
            };
            db.RouteTableAssociations.Add(association);
            return new Result(association.Id, AssociationStates.AssociatedState);
        }, cancellationToken);

        private async Task CheckSubnetAsync(RouteTable table, string subnetId, CancellationToken cancellationToken)
        {
            var vpcId = await db.Subnets.Where(s => s.Id == subnetId).Select(s => s.VpcId).FirstOrDefaultAsync(cancellationToken)
                ?? throw Ec2Errors.SubnetNotFound(subnetId);
            if (vpcId != table.VpcId) throw Ec2Errors.RouteTableSubnetInOtherVpc(table.Id, subnetId);
            if (await db.RouteTableAssociations.AnyAsync(a => a.SubnetId == subnetId, cancellationToken)) throw Ec2Errors.RouteTableAssociationConflict(table.Id);
        }

        /// <summary>Edge associations: an internet gateway attached to the table's VPC, associated with at most one table.</summary>
        private async Task CheckGatewayAsync(RouteTable table, string gatewayId, CancellationToken cancellationToken)
        {
            var gateway = ResourceIds.IsWellFormed(gatewayId, ResourceIds.InternetGateway)
                ? await db.InternetGateways.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gatewayId, cancellationToken)
                : null;
            if (gateway is null) throw Ec2Errors.RouteGatewayNotFound(gatewayId);
            if (gateway.AttachedVpcId != table.VpcId) throw Ec2Errors.RouteTargetInOtherVpc(table.Id, gatewayId);
            if (await db.RouteTableAssociations.AnyAsync(a => a.GatewayId == gatewayId, cancellationToken)) throw Ec2Errors.RouteTableAssociationConflict(table.Id);
        }
    }
}

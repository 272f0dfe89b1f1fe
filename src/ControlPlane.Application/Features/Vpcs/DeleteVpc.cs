using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Vpcs;

/// <summary>
/// Deletes a VPC with its default security group, default network ACL and main route table. Anything else in it
/// (subnets, other groups, ACLs, route tables, gateways, endpoints, network interfaces) is a DependencyViolation.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpc.html
/// </summary>
public static class DeleteVpc
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? VpcId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.VpcId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Vpc)).WithAwsError((_, id) => Ec2Errors.VpcIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.VpcId!;
            var vpc = await db.Vpcs.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw Ec2Errors.VpcNotFound(id);
            var inUse = await db.Subnets.AnyAsync(s => s.VpcId == id, cancellationToken)
                || await db.SecurityGroups.AnyAsync(g => g.VpcId == id && g.NormalizedName != "default", cancellationToken)
                || await db.NetworkAcls.AnyAsync(a => a.VpcId == id && !a.IsDefault, cancellationToken)
                || await db.RouteTables.AnyAsync(t => t.VpcId == id && !t.Associations.Any(a => a.Main), cancellationToken)
                || await db.InternetGateways.AnyAsync(g => g.AttachedVpcId == id, cancellationToken)
                || await db.EgressOnlyInternetGateways.AnyAsync(g => g.VpcId == id, cancellationToken)
                || await db.NetworkInterfaces.AnyAsync(n => n.VpcId == id, cancellationToken)
                || await db.VpcEndpoints.AnyAsync(e => e.VpcId == id, cancellationToken)
                || await db.NatGateways.AnyAsync(g => g.VpcId == id && g.State != "deleted", cancellationToken);
            if (inUse) throw Ec2Errors.VpcDependencyViolation(id);

            var owned = await db.SecurityGroups.Where(g => g.VpcId == id).Select(g => g.Id)
                .Concat(db.NetworkAcls.Where(a => a.VpcId == id).Select(a => a.Id))
                .Concat(db.RouteTables.Where(t => t.VpcId == id).Select(t => t.Id))
                .ToListAsync(cancellationToken);
            await db.SecurityGroupRules.Where(r => owned.Contains(r.GroupId)).ExecuteDeleteAsync(cancellationToken);
            await db.SecurityGroups.Where(g => g.VpcId == id).ExecuteDeleteAsync(cancellationToken);
            await db.NetworkAcls.Where(a => a.VpcId == id).ExecuteDeleteAsync(cancellationToken);
            await db.RouteTables.Where(t => t.VpcId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Tags.Where(t => owned.Contains(t.ResourceId)).ExecuteDeleteAsync(cancellationToken);
            await tags.RemoveAllAsync(id, cancellationToken);
            db.Vpcs.Remove(vpc);
            return Empty.Instance;
        }, cancellationToken);
    }
}

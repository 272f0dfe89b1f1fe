using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>
/// Moves a subnet to another ACL of its VPC. Every subnet always has exactly one association, so this is the only way
/// to associate (and, back to the default ACL, to "disassociate"); the association gets a new id each time.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ReplaceNetworkAclAssociation.html
/// </summary>
public static class ReplaceNetworkAclAssociation
{
    public sealed record Command : ICommand<Result>, IDryRunnable
    {
        public string? AssociationId { get; init; }
        public string? NetworkAclId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(string NewAssociationId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssociationId).NotNull().WithAwsError((_, _) => Ec2Errors.MissingParameter("associationId"));
            RuleFor(c => c.NetworkAclId).Must(id => NetworkAclQueries.NetworkAclIdProblem(id) is null)
                .WithAwsError((_, id) => NetworkAclQueries.NetworkAclIdProblem(id)!);
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request, IIdGenerator ids) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var (associationId, aclId) = (command.AssociationId!, command.NetworkAclId!);
            var current = await db.NetworkAclAssociations.AsNoTracking().FirstOrDefaultAsync(a => a.Id == associationId, cancellationToken)
                ?? throw Ec2Errors.NetworkAclAssociationNotFound(associationId);
            var aclVpc = await db.NetworkAcls.Where(a => a.Id == aclId).Select(a => a.VpcId).FirstOrDefaultAsync(cancellationToken)
                ?? throw Ec2Errors.NetworkAclNotFound(aclId);
            var subnetVpc = await db.Subnets.Where(s => s.Id == current.SubnetId).Select(s => s.VpcId).SingleAsync(cancellationToken);
            if (aclVpc != subnetVpc) throw Ec2Errors.NetworkAclInOtherVpc(aclId, current.SubnetId);

            // Delete, then insert: the subnet keeps exactly one association (a unique index holds that).
            await db.NetworkAclAssociations.Where(a => a.Id == associationId).ExecuteDeleteAsync(cancellationToken);
            var replacement = new Domain.Model.NetworkAclAssociation
            {
                AccountId = request.AccountId, Region = request.Region, Id = ids.NewId(ResourceIds.NetworkAclAssociation),
                NetworkAclId = aclId, SubnetId = current.SubnetId,
            };
            db.NetworkAclAssociations.Add(replacement);
            return new Result(replacement.Id);
        }, cancellationToken);
    }
}

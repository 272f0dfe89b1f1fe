using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.NetworkAcls;

/// <summary>
/// Deletes a custom network ACL with its entries and tags. A VPC's default ACL cannot be deleted, and an ACL that
/// any subnet is associated with is a DependencyViolation: move the subnets back first (ReplaceNetworkAclAssociation).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteNetworkAcl.html
/// </summary>
public static class DeleteNetworkAcl
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? NetworkAclId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.NetworkAclId).Must(id => NetworkAclQueries.NetworkAclIdProblem(id) is null)
                .WithAwsError((_, id) => NetworkAclQueries.NetworkAclIdProblem(id)!);
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.NetworkAclId!;
            var acl = await db.NetworkAcls.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.IsDefault }).FirstOrDefaultAsync(cancellationToken)
                ?? throw Ec2Errors.NetworkAclNotFound(id);
            if (acl.IsDefault) throw Ec2Errors.CannotDeleteDefaultNetworkAcl(id);
            if (await db.NetworkAclAssociations.AnyAsync(a => a.NetworkAclId == id, cancellationToken)) throw Ec2Errors.NetworkAclDependencyViolation(id);

            await db.NetworkAclEntries.Where(e => e.NetworkAclId == id).ExecuteDeleteAsync(cancellationToken);
            await tags.RemoveAllAsync(id, cancellationToken);
            await db.NetworkAcls.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
            return Empty.Instance;
        }, cancellationToken);
    }
}

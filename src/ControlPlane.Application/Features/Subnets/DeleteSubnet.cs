using ControlPlane.Application.Features.Instances;
using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Querying;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using ControlPlane.Domain.Ids;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.Subnets;

/// <summary>
/// Deletes a subnet with its network ACL and route table associations. A subnet that holds network interfaces is a
/// DependencyViolation (Terraform retries that until the interfaces are gone).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSubnet.html
/// </summary>
public static class DeleteSubnet
{
    public sealed record Command : ICommand<Empty>, IDryRunnable
    {
        public string? SubnetId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.SubnetId!).Must(id => ResourceIds.IsWellFormed(id, ResourceIds.Subnet)).WithAwsError((_, id) => Ec2Errors.SubnetIdMalformed(id));
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, TagStore tags) : IHandler<Command, Empty>
    {
        public Task<Empty> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var id = command.SubnetId!;
            var subnet = await db.Subnets.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw Ec2Errors.SubnetNotFound(id);
            if (await db.NetworkInterfaces.AnyAsync(n => n.SubnetId == id, cancellationToken)) throw Ec2Errors.SubnetDependencyViolation(id);
            // Live instances hold their primary interface, so only terminated ones remain here; AWS lets them go with the subnet.
            await db.ForgetTerminatedInSubnetAsync(tags, id, cancellationToken);
            await db.NetworkAclAssociations.Where(a => a.SubnetId == id).ExecuteDeleteAsync(cancellationToken);
            await db.RouteTableAssociations.Where(a => a.SubnetId == id).ExecuteDeleteAsync(cancellationToken);
            await db.SubnetIpv6CidrBlocks.Where(c => c.SubnetId == id).ExecuteDeleteAsync(cancellationToken);
            await tags.RemoveAllAsync(id, cancellationToken);
            db.Subnets.Remove(subnet);
            return Empty.Instance;
        }, cancellationToken);
    }
}

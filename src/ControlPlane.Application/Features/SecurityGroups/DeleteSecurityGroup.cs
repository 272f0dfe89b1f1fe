using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using ControlPlane.Domain.Errors;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Deletes a group, named by id or (default VPC) by name, with its rules and their tags. A VPC's default group
/// cannot be deleted (CannotDelete); a group that a network interface carries, or that another group's rule
/// references, is a DependencyViolation (its own self-references do not count).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteSecurityGroup.html
/// </summary>
public static class DeleteSecurityGroup
{
    public sealed record Command : ICommand<Result>, IDryRunnable, INamedGroupTarget
    {
        public string? GroupId { get; init; }
        public string? GroupName { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool Return, string GroupId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidGroupIdOrName();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var group = await db.FindSecurityGroupAsync(command.GroupId, command.GroupName, cancellationToken);
            var id = group.Id;
            if (group.IsDefault) throw Ec2Errors.CannotDeleteDefaultGroup(id);
            if (await db.NetworkInterfaceGroups.AnyAsync(g => g.GroupId == id, cancellationToken)
                || await db.SecurityGroupRules.AnyAsync(r => r.ReferencedGroupId == id && r.GroupId != id, cancellationToken))
                throw Ec2Errors.SecurityGroupDependencyViolation(id);

            var owned = db.SecurityGroupRules.Where(r => r.GroupId == id).Select(r => r.Id);
            await db.Tags.Where(t => t.ResourceId == id || owned.Contains(t.ResourceId)).ExecuteDeleteAsync(cancellationToken);
            await db.SecurityGroupRules.Where(r => r.GroupId == id).ExecuteDeleteAsync(cancellationToken);
            await db.SecurityGroups.Where(g => g.Id == id).ExecuteDeleteAsync(cancellationToken);
            return new Result(true, id);
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using FluentValidation;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Replaces, adds or (when left out) removes the description of ingress rules, named by IpPermissions or by id.
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UpdateSecurityGroupRuleDescriptionsIngress.html
/// </summary>
public static class UpdateSecurityGroupRuleDescriptionsIngress
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IRuleDescriptionRequest
    {
        public string? GroupId { get; init; }
        public string? GroupName { get; init; }
        public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
        public IReadOnlyList<SecurityGroupRuleDescription>? SecurityGroupRuleDescriptions { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool Return);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => this.ValidDescriptionUpdate();
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var group = await db.FindSecurityGroupAsync(command.GroupId, command.GroupName, cancellationToken);
            await new RuleDescriptionUpdater(db, request)
                .UpdateAsync(group, egress: false, command.IpPermissions, command.SecurityGroupRuleDescriptions, cancellationToken);
            return new Result(true);
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using FluentValidation;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Removes outbound rules by id or by IpPermissions (Terraform revokes a new group's default all-traffic egress
/// rule this way, with <c>-1</c> and ports 0/0).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupEgress.html
/// </summary>
public static class RevokeSecurityGroupEgress
{
    public sealed record Command : ICommand<Result>, IDryRunnable, IGroupTarget, IRuleRequest, ILegacyRuleParameters, IRuleIdRequest
    {
        public string? GroupId { get; init; }
        public IReadOnlyList<IpPermission>? IpPermissions { get; init; }
        public IReadOnlyList<string>? SecurityGroupRuleIds { get; init; }
        public string? CidrIp { get; init; }
        public string? IpProtocol { get; init; }
        public int? FromPort { get; init; }
        public int? ToPort { get; init; }
        public string? SourceSecurityGroupName { get; init; }
        public string? SourceSecurityGroupOwnerId { get; init; }
        public bool? DryRun { get; init; }
    }

    public sealed record Result(bool Return, IReadOnlyList<IpPermission>? UnknownIpPermissions, IReadOnlyList<RevokedSecurityGroupRule> RevokedSecurityGroupRules);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.ValidGroupId();
            this.NoLegacyParameters();
            this.RequirePermissionsOrRuleIds();
            this.WellFormedRuleIds();
            this.ValidPermissions();
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var group = await db.FindSecurityGroupAsync(command.GroupId, null, cancellationToken);
            var outcome = await new RuleRevoker(db, request)
                .RevokeAsync(group, egress: true, command.IpPermissions ?? [], command.SecurityGroupRuleIds, cancellationToken);
            return new Result(true, outcome.Unknown, outcome.Revoked);
        }, cancellationToken);
    }
}

using ControlPlane.Application.Pipeline;
using ControlPlane.Application.Shapes;
using ControlPlane.Application.Store;
using FluentValidation;

namespace ControlPlane.Application.Features.SecurityGroups;

/// <summary>
/// Removes inbound rules by id or by properties (IpPermissions or the legacy flat parameters).
/// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RevokeSecurityGroupIngress.html
/// </summary>
public static class RevokeSecurityGroupIngress
{
    public sealed record Command : ICommand<Result>, IDryRunnable, INamedGroupTarget, IRuleRequest, ILegacyRuleParameters, IRuleIdRequest
    {
        public string? GroupId { get; init; }
        public string? GroupName { get; init; }
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
            this.ValidGroupIdOrName();
            this.RequirePermissionsOrRuleIds();
            this.WellFormedRuleIds();
            this.ValidIngressPermissions();
        }
    }

    public sealed class Handler(ControlPlaneDbContext db, ScopeWriter writer, RequestContext request) : IHandler<Command, Result>
    {
        public Task<Result> HandleAsync(Command command, CancellationToken cancellationToken) => writer.WriteAsync(async () =>
        {
            var group = await db.FindSecurityGroupAsync(command.GroupId, command.GroupName, cancellationToken);
            var outcome = await new RuleRevoker(db, request)
                .RevokeAsync(group, egress: false, RuleParser.Permissions(command), command.SecurityGroupRuleIds, cancellationToken);
            return new Result(true, outcome.Unknown, outcome.Revoked);
        }, cancellationToken);
    }
}
